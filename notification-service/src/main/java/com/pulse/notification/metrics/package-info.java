/** The service's Micrometer meters, named {@code pulse.notification.*}; scraped at {@code /actuator/prometheus}. */
package com.pulse.notification.metrics;
