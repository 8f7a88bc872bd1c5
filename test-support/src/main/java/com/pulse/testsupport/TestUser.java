package com.pulse.testsupport;

import java.util.List;

/**
 * A user as the gateway's token describes them. The constants mirror the local stack's demo users.
 *
 * @param jobRole RIS or LIS for order workers; {@code null} otherwise
 */
public record TestUser(String id, String name, List<String> roles, String jobRole, String patientId, String empNo) {

  public static final TestUser ADMIN = staff("admin", "Admin", "ADMIN", null);
  public static final TestUser SYSTEM_MANAGER = staff("sysmgr", "System Manager", "SYSTEMMANAGER", null);
  public static final TestUser DR_KIM = staff("dr.kim", "Dr. Kim", "DOCTOR", null);
  public static final TestUser DR_LEE = staff("dr.lee", "Dr. Lee", "DOCTOR", null);
  public static final TestUser RIS_PARK = staff("ris.park", "Park (RIS)", "RIS", "RIS");
  public static final TestUser LIS_CHOI = staff("lis.choi", "Choi (LIS)", "LIS", "LIS");
  public static final TestUser QA_JUNG = staff("qa.jung", "Jung (QA)", "QUALITY", null);
  public static final TestUser OP_HAN = staff("op.han", "Han (line)", "OPERATOR", null);
  public static final TestUser PATIENT_1001 =
      new TestUser("patient.1001", "Patient 1001", List.of("PATIENT"), null, "1001", null);
  public static final TestUser EMP_12345 =
      new TestUser("emp.12345", "Employee 12345", List.of("EMPLOYEE"), null, null, "12345");

  public static final List<TestUser> DEMO_USERS =
      List.of(ADMIN, SYSTEM_MANAGER, DR_KIM, DR_LEE, RIS_PARK, LIS_CHOI, QA_JUNG, OP_HAN, PATIENT_1001, EMP_12345);

  private static TestUser staff(String id, String name, String role, String jobRole) {
    return new TestUser(id, name, List.of(role), jobRole, null, null);
  }

  public String token() {
    return TestTokens.shared().issue(this);
  }

  public String bearer() {
    return "Bearer " + token();
  }
}
