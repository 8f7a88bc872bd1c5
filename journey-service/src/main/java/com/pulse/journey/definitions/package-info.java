/** The transition table as data for front-ends ({@code GET /api/journey/state-definitions}, no token needed). */
package com.pulse.journey.definitions;
