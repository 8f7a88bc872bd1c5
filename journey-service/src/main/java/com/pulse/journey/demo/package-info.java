/**
 * The demo hospital of the local stack (issue 13, item 12), added at start when missing and
 * {@code pulse.journey.demo-data} is on: exams XRAY, BLOOD, CT with rooms, the entrance tag and one tag per room,
 * patients 1001 … 1030 with appointments today who each sign in alone at the kiosk (the README's tables), and the
 * twins 1091/1092 whose kiosk data match both.
 */
package com.pulse.journey.demo;
