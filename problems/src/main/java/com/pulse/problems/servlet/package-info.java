/**
 * Problems for servlet services: {@link com.pulse.problems.servlet.ServletProblems} writes one where no controller
 * advice reaches (security filters, Tomcat's own refusals), {@link com.pulse.problems.servlet.QueryStringFilter}
 * refuses control characters and broken encoding in query parameters and paths before any of it reaches a
 * controller or the database.
 */
package com.pulse.problems.servlet;
