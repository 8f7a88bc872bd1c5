/**
 * One way to write errors, for every Pulse service and the gateway: RFC 9457 problem details ({@link
 * com.pulse.problems.Problems}) worded once ({@link com.pulse.problems.ProblemTexts}), naming the offending fields
 * ({@link com.pulse.problems.FieldProblem}) in the client's terms — a JSON path such as {@code items[0].label}
 * ({@link com.pulse.problems.FieldPaths}), the type expected ({@link com.pulse.problems.TypeDescriptions}) — and never
 * the server's internals. Plain Java over spring-web's {@code ProblemDetail} and Jackson 3; the servlet and reactive
 * writers live in their own packages so neither side needs the other's classes.
 */
package com.pulse.problems;
