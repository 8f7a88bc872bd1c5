package com.pulse.testsupport;

import com.pulse.identity.Caller;
import com.pulse.identity.CallerReader;
import com.pulse.identity.Claims;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user as the gateway's token describes them. The constants mirror the local stack's demo users.
 *
 * @param jobRole RIS or LIS for order workers; {@code null} otherwise
 * @param department staff's department or ward (a display account's queue); {@code null} otherwise
 */
public record TestUser(String id, String name, List<String> roles, String jobRole, String patientId, String empNo,
    String department) {

  public static final TestUser ADMIN = staff("admin", "Admin", "ADMIN", null);
  public static final TestUser SYSTEM_MANAGER = staff("sysmgr", "System Manager", "SYSTEMMANAGER", null);
  public static final TestUser DR_KIM = staff("dr.kim", "Dr. Kim", "DOCTOR", null);
  public static final TestUser DR_LEE = staff("dr.lee", "Dr. Lee", "DOCTOR", null);
  public static final TestUser NURSE_YOON = staff("nurse.yoon", "Nurse Yoon", "NURSE", null);
  public static final TestUser RIS_PARK = staff("ris.park", "Park (RIS)", "RIS", "RIS");
  public static final TestUser LIS_CHOI = staff("lis.choi", "Choi (LIS)", "LIS", "LIS");
  public static final TestUser QA_JUNG = staff("qa.jung", "Jung (QA)", "QUALITY", null);
  public static final TestUser OP_HAN = staff("op.han", "Han (line)", "OPERATOR", null);
  public static final TestUser DISPLAY_XRAY =
      new TestUser("display.xray", "X-ray ward display", List.of("DISPLAY"), null, null, null, "XRAY");
  public static final TestUser PATIENT_1001 =
      new TestUser("patient.1001", "Patient 1001", List.of("PATIENT"), null, "1001", null);
  public static final TestUser EMP_12345 =
      new TestUser("emp.12345", "Employee 12345", List.of("EMPLOYEE"), null, null, "12345");

  public static final List<TestUser> DEMO_USERS = List.of(ADMIN, SYSTEM_MANAGER, DR_KIM, DR_LEE, NURSE_YOON, RIS_PARK,
      LIS_CHOI, QA_JUNG, OP_HAN, DISPLAY_XRAY, PATIENT_1001, EMP_12345);

  /** The local stack's 50 voters (seed 002): {@code emp.20001} … {@code emp.20050}, empNo 20001 … 20050. */
  public static final List<TestUser> DEMO_EMPLOYEES = java.util.stream.IntStream.rangeClosed(20001, 20050)
      .mapToObj(n -> new TestUser("emp." + n, "Employee " + n, List.of("EMPLOYEE"), null, null, Integer.toString(n)))
      .toList();

  private static final CallerReader READER = CallerReader.standard();

  /** A user without a department. */
  public TestUser(String id, String name, List<String> roles, String jobRole, String patientId, String empNo) {
    this(id, name, roles, jobRole, patientId, empNo, null);
  }

  private static TestUser staff(String id, String name, String role, String jobRole) {
    return new TestUser(id, name, List.of(role), jobRole, null, null);
  }

  /** The Pulse claims of this user's token, named by the identity contract (the standard ones come on top). */
  public Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(Claims.SUBJECT, id);
    claims.put(Claims.NAME, name);
    claims.put(Claims.ROLES, roles);
    putIfPresent(claims, Claims.JOB_ROLE, jobRole);
    putIfPresent(claims, Claims.PATIENT_ID, patientId);
    putIfPresent(claims, Claims.EMP_NO, empNo);
    putIfPresent(claims, Claims.DEPARTMENT, department);
    return claims;
  }

  /** The caller a service reads from this user's token. */
  public Caller caller() {
    return READER.read(claims());
  }

  public String token() {
    return TestTokens.shared().issue(this);
  }

  public String bearer() {
    return "Bearer " + token();
  }

  private static void putIfPresent(Map<String, Object> claims, String name, String value) {
    if (value != null) {
      claims.put(name, value);
    }
  }
}
