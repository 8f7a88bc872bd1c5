/**
 * HTTP as a careless or hostile client speaks it: {@link com.pulse.testsupport.http.RawHttp} sends bytes no HTTP
 * library would (a NUL in a path, a broken request line, {@code %zz}, TRACE, 20 KB of headers) and reads whatever
 * comes back, so tests can check that every such answer is still a problem.
 */
package com.pulse.testsupport.http;
