/**
 * The statistics of statistical process control — chart constants, Phase I control limits, the eight Nelson tests
 * and normal capability — computed the way Minitab and R's qcc compute them, because quality engineers check every
 * number against those tools.
 *
 * <p>Pure: no Spring, no database, no clock, no I/O. Everything here is a function of its arguments, so the service
 * around it (REST, persistence, alerts) can call it from anywhere and the tests can pin it to published worked
 * examples. Refusals are {@link java.lang.IllegalArgumentException}s whose message a REST layer can show as is.
 */
package com.pulse.spc.statistics;
