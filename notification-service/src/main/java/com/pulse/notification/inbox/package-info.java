/**
 * The inbox: every user's notification history with unread counts and read state, in notification-service's own
 * PostgreSQL database. {@link com.pulse.notification.inbox.InboxWriter} fills it from Kafka in a consumer group shared
 * by all instances, one row per event (event id unique, so redelivery changes nothing); a user's inbox is the rows on
 * the channels their token lets them see ({@link com.pulse.notification.inbox.Audience}), filtered by their
 * preferences. REST in {@link com.pulse.notification.inbox.InboxController}.
 */
package com.pulse.notification.inbox;
