package com.pulse.bench.socket;

import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/** Distinct users for the socket benchmarks, each with a token notification-service trusts. */
final class BenchUsers {

  private static final Duration LIFETIME = Duration.ofHours(4);

  private BenchUsers() {}

  /** Admins: each joins {@code ocs:all} (and their {@code user:} channel) on connect, the broadcast audience. */
  static List<String> admins(int count) {
    return tokens(count, i -> new TestUser("admin-" + i, "Admin " + i, List.of("ADMIN"), null, null, null));
  }

  /**
   * A hospital's mix of users, each joining the channels of their role on connect: doctors (their own channel),
   * RIS/LIS workers (the job channel), nurses, patients (their journey channel), employees and plant staff.
   */
  static List<String> mixed(int count) {
    return tokens(count, i -> switch (i % 8) {
      case 0, 1 -> new TestUser("dr-" + i, "Doctor " + i, List.of("DOCTOR"), null, null, null);
      case 2 -> new TestUser("ris-" + i, "RIS " + i, List.of("RIS"), "RIS", null, null);
      case 3 -> new TestUser("lis-" + i, "LIS " + i, List.of("LIS"), "LIS", null, null);
      case 4 -> new TestUser("nurse-" + i, "Nurse " + i, List.of("NURSE"), null, null, null);
      case 5 -> new TestUser("patient-" + i, "Patient " + i, List.of("PATIENT"), null, "P" + i, null);
      case 6 -> new TestUser("emp-" + i, "Employee " + i, List.of("EMPLOYEE"), null, null, "E" + i);
      default -> new TestUser("qa-" + i, "Quality " + i, List.of("QUALITY"), null, null, null);
    });
  }

  private static List<String> tokens(int count, java.util.function.IntFunction<TestUser> user) {
    return IntStream.range(0, count).parallel().mapToObj(i -> TestTokens.shared().issue(user.apply(i), LIFETIME))
        .toList();
  }
}
