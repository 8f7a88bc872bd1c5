/**
 * Per-user notification preferences: a minimum {@link com.pulse.events.Priority} and muted event types, stored in
 * notification-service's database ({@code GET/PUT /api/notifications/preferences}) and applied to the inbox queries
 * and to live delivery ({@link com.pulse.notification.preference.PreferenceCache}, a local copy, so the live path
 * never touches the database). An event's priority is its producer's ({@code priority} extension), never derived here.
 */
package com.pulse.notification.preference;
