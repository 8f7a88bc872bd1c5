package com.pulse.notification.preference;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the preferences ({@code pulse.notification.preferences.*}).
 *
 * @param refresh how often an instance reloads the preferences other instances changed; a change made through this
 *     instance applies at once
 */
@ConfigurationProperties("pulse.notification.preferences")
public record PreferenceProperties(@DefaultValue("5s") Duration refresh) {}
