/**
 * Bad input always gets a clear error: every exception a request can raise — in a controller, a filter, Spring
 * Security's firewall or Tomcat itself — is answered as an RFC 9457 problem in the words every Pulse service uses
 * ({@code com.pulse.problems}), naming the offending field where there is one, and never leaking internals. Input
 * no service could mean is refused at the edge: control characters and broken encoding in paths and query strings,
 * dates beyond year 9999, and (by the shared strict JSON) coerced or duplicated fields in bodies.
 */
package com.pulse.platform.web;
