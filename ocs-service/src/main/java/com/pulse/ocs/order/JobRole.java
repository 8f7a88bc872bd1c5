package com.pulse.ocs.order;

/** Which department performs an order: radiology (RIS) or the lab (LIS). */
public enum JobRole {
  RIS,
  LIS
}
