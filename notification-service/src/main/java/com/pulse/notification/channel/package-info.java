/**
 * The delivery core, which knows no domain. An event goes to the channels its producer named (its {@code audience});
 * the {@link com.pulse.events.ChannelCatalog} says which channels exist and who may join them; the
 * {@link com.pulse.notification.channel.ChannelRegistry} holds each channel's members; the
 * {@link com.pulse.notification.channel.Dispatcher} records each event in its channels' history, hands it once to
 * each member ({@link com.pulse.notification.channel.Subscriber}) as a shared
 * {@link com.pulse.notification.channel.Delivery}, and lets subscribers in one way ({@code join}), recovering from a
 * position. No domain name, event type or payload field appears here (ArchitectureTests).
 */
package com.pulse.notification.channel;
