/**
 * Arrival by NFC tag or its printed QR code (seed 003): the entrance tag moves an UNREGISTERED patient to ARRIVED;
 * every tag answers where it is and the way to the patient's next exam.
 */
package com.pulse.journey.arrival;
