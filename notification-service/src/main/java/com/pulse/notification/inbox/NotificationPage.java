package com.pulse.notification.inbox;

import java.util.List;

/** A page of the inbox, newest first; {@code nextCursor} fetches the next (older) page, null on the last one. */
record NotificationPage(List<Notification> items, String nextCursor) {}
