/**
 * The checked-in OpenAPI documents ({@code clients/js/openapi/<service>.json}, from which the client's REST types are
 * generated) compared with what a running service publishes: a service whose API changed fails its build until the
 * copy, and the types generated from it, are renewed.
 */
package com.pulse.testsupport.openapi;
