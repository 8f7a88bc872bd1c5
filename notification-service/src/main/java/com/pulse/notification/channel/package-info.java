/**
 * Audiences. {@link com.pulse.notification.channel.RoutingRules} maps an event to channel names
 * ({@link com.pulse.notification.channel.Channels}); {@link com.pulse.notification.channel.ChannelAccess} decides from
 * token claims which channels a {@link com.pulse.notification.channel.Viewer} joins and may join; the
 * {@link com.pulse.notification.channel.ChannelRegistry} holds the members of each channel; the
 * {@link com.pulse.notification.channel.Dispatcher} records each event in its channels' history and hands it once to
 * each member ({@link com.pulse.notification.channel.Subscriber}) as a shared
 * {@link com.pulse.notification.channel.Delivery}, and serves subscriptions that recover from a position.
 */
package com.pulse.notification.channel;
