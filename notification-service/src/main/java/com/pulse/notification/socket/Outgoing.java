package com.pulse.notification.socket;

/** What waits in a connection's send queue: one frame, or a recovery's replay (many frames, built as they go). */
sealed interface Outgoing permits OutboundFrame, ReplayFrames {}
