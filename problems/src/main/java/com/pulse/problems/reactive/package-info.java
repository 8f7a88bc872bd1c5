/**
 * Problems for reactive services (the gateway, notification-service): {@link
 * com.pulse.problems.reactive.ReactiveProblems} writes one where no controller advice reaches (security, filters),
 * {@link com.pulse.problems.reactive.ReactiveApiExceptionHandler} answers every controller error,
 * {@link com.pulse.problems.reactive.ProblemWebExceptionHandler} every error outside controllers,
 * {@link com.pulse.problems.reactive.QueryStringWebFilter} refuses control characters in paths and query
 * parameters, and {@link com.pulse.problems.reactive.NettyRefusals} gives Reactor Netty's own refusals (URL too long,
 * headers too large, not HTTP) a problem body instead of none.
 */
package com.pulse.problems.reactive;
