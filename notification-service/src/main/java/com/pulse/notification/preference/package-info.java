/**
 * Per-user notification preferences: a minimum {@link com.pulse.notification.preference.Priority} and muted event
 * types, stored in notification-service's database ({@code GET/PUT /api/notifications/preferences}) and applied to the
 * inbox queries and to live delivery ({@link com.pulse.notification.preference.PreferenceCache}, a local copy, so the
 * live path never touches the database). {@link com.pulse.notification.preference.EventPriority} derives an event's
 * priority from its data.
 */
package com.pulse.notification.preference;
