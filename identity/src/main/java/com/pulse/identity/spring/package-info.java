/**
 * The identity contract wired into Spring: {@code pulse.identity.*} settings, one {@link
 * com.pulse.identity.CallerReader} bean per application, and the Spring Security converter that turns a validated JWT
 * into authorities from the same reading. Servlet and reactive services use the same classes.
 */
package com.pulse.identity.spring;
