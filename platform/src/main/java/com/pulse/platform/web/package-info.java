/**
 * Bad input always gets a clear error: every exception a request can raise is answered as RFC 9457 problem details,
 * naming the offending field where there is one, and never leaking internals.
 */
package com.pulse.platform.web;
