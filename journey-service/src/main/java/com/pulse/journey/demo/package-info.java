/**
 * The demo hospital of the local stack (issue 13, item 12), added at start when missing and
 * {@code pulse.journey.demo-data} is on: exams XRAY, BLOOD, CT with rooms, the entrance tag and one tag per room,
 * patient 1001 (the demo user {@code patient.1001}) and a few more with appointments today.
 */
package com.pulse.journey.demo;
