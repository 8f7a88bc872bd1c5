package com.pulse.spc.alert;

import java.time.Instant;

/**
 * An alert as stored, as the API answers it and as {@code spc.alert.*} events carry it
 * ({@code urn:pulse:schema:spc.alert:v1}).
 *
 * @param test the run-rule test of OUT_OF_CONTROL and RUN_RULE_VIOLATION alerts, else {@code null}
 * @param priority 1 (lowest) to 5 (highest)
 * @param repeatCount how many more times the condition occurred while the alert was open
 * @param limitVersion the limit set the point that raised it was judged against
 * @param createdBy who raised a manual alert; {@code null} for automatic ones
 */
public record Alert(
    long id,
    long productId,
    String productCode,
    String productName,
    AlertType alertType,
    Integer test,
    int priority,
    String title,
    String message,
    AlertStatus status,
    boolean manual,
    int repeatCount,
    Integer limitVersion,
    Long subgroupNumber,
    Instant createdAt,
    String createdBy,
    Instant lastSeenAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    String cause,
    String action) {}
