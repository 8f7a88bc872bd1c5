/**
 * The seeds' socket dialects: the endpoints and message shapes their front-ends already speak, each one small
 * {@link com.pulse.notification.socket.SocketDialect} over the generic channels. This is the only place in the
 * service that knows a domain (ArchitectureTests): event types and payload fields are read here, to shape frames,
 * never to decide who gets an event — the producer's audience and the channel catalog decide that.
 */
package com.pulse.notification.dialect;
