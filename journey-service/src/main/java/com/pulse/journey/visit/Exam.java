package com.pulse.journey.visit;

import java.time.Duration;

/** An exam and its queue: {@code defaultServiceTime} is the wait estimate's guess before there is history. */
record Exam(String examId, String title, Duration defaultServiceTime) {}
