package com.pulse.notification;

import com.pulse.testsupport.TestUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may see what, written out by hand from the design and the seeds, independently of the channel catalog: the
 * catalog tests and the socket tests both hold the service to it, so a wrong catalog entry fails them.
 */
public final class AccessMatrix {

  public static final TestUser PATIENT_2002 =
      new TestUser("patient.2002", "Patient 2002", List.of("PATIENT"), null, "2002", null);

  /** A sample of every kind of channel, their own and other people's. */
  public static final List<String> CHANNELS = List.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee",
      "ocs:job:RIS", "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
      "journey:queue:CT-1", "journey:queue:XRAY", "vote:poll:lunch", "vote:polls", "user:dr.kim",
      "user:patient.1001", "user:emp.12345");

  /** Who may join which of {@link #CHANNELS}: everything else is refused. */
  public static final Map<TestUser, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry(TestUser.ADMIN, Set.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee", "ocs:job:RIS",
          "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "journey:queue:XRAY", "vote:poll:lunch", "vote:polls")),
      Map.entry(TestUser.SYSTEM_MANAGER, Set.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee", "ocs:job:RIS",
          "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "journey:queue:XRAY", "vote:poll:lunch", "vote:polls")),
      Map.entry(TestUser.DR_KIM, Set.of("ocs:doctor:dr.kim", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "journey:queue:XRAY", "user:dr.kim")),
      Map.entry(TestUser.DR_LEE, Set.of("ocs:doctor:dr.lee", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "journey:queue:XRAY")),
      Map.entry(TestUser.NURSE_YOON, Set.of("journey:patient:1001", "journey:patient:2002", "journey:queue:CT-1",
          "journey:queue:XRAY")),
      Map.entry(TestUser.DISPLAY_XRAY, Set.of("journey:queue:XRAY")),
      Map.entry(TestUser.RIS_PARK, Set.of("ocs:job:RIS")),
      Map.entry(TestUser.LIS_CHOI, Set.of("ocs:job:LIS")),
      Map.entry(TestUser.QA_JUNG, Set.of("spc:alerts", "spc:product:P-7")),
      Map.entry(TestUser.OP_HAN, Set.of("spc:alerts", "spc:product:P-7")),
      Map.entry(TestUser.PATIENT_1001, Set.of("journey:patient:1001", "user:patient.1001")),
      Map.entry(PATIENT_2002, Set.of("journey:patient:2002")),
      Map.entry(TestUser.EMP_12345, Set.of("vote:poll:lunch", "vote:polls", "user:emp.12345")));

  /** What each demo user joins on connect, in the catalog's order. */
  public static final Map<TestUser, List<String>> AUTO_JOINED = ordered(
      TestUser.ADMIN, List.of("ocs:all", "user:admin"),
      TestUser.SYSTEM_MANAGER, List.of("ocs:all", "user:sysmgr"),
      TestUser.DR_KIM, List.of("ocs:doctor:dr.kim", "user:dr.kim"),
      TestUser.DR_LEE, List.of("ocs:doctor:dr.lee", "user:dr.lee"),
      TestUser.NURSE_YOON, List.of("user:nurse.yoon"),
      TestUser.RIS_PARK, List.of("ocs:job:RIS", "user:ris.park"),
      TestUser.LIS_CHOI, List.of("ocs:job:LIS", "user:lis.choi"),
      TestUser.QA_JUNG, List.of("spc:alerts", "user:qa.jung"),
      TestUser.OP_HAN, List.of("spc:alerts", "user:op.han"),
      TestUser.DISPLAY_XRAY, List.of("journey:queue:XRAY", "user:display.xray"),
      TestUser.PATIENT_1001, List.of("journey:patient:1001", "user:patient.1001"),
      TestUser.EMP_12345, List.of("vote:polls", "user:emp.12345"));

  private AccessMatrix() {}

  @SuppressWarnings("unchecked")
  private static Map<TestUser, List<String>> ordered(Object... pairs) {
    Map<TestUser, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((TestUser) pairs[i], (List<String>) pairs[i + 1]);
    }
    return map;
  }
}
