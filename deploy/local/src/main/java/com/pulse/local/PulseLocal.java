package com.pulse.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Plocal package} ends here: starts the whole suite, prints where it is and who can log in, and
 * stops everything cleanly on Ctrl-C.
 *
 * <p>Options: {@code --keep-data} keeps PostgreSQL and Kafka data (and the gateway's key) between runs;
 * {@code --data-dir=PATH} moves them (default {@code .pulse-data} in the repository);
 * {@code --notification-instances=N} runs N notification-service instances behind the gateway (default 1);
 * {@code --demo-data} seeds a handful of orders in every status through the API when there are none, SPC's demo
 * products (a baseline, then a drift that raises every alert type) when there are no products, and opens a
 * lunch-place poll and a menu poll when none is open, and plays a busy morning at the hospital when the demo
 * patients are at home ({@link DemoJourney}); {@code --monitoring} also starts Prometheus (when the
 * {@code prometheus} binary is installed) scraping every process with Pulse's alert rules loaded;
 * {@code --no-startup-cache} starts every service from its plain jar ({@link StartupCache}: by default a service
 * starts from the JDK's AOT cache its first start on this build trained in the background).
 */
public final class PulseLocal {

  /** The demo users of the local stack (password {@code pulse}) and their roles. */
  static final List<String> DEMO_USERS = List.of("admin (ADMIN)", "sysmgr (SYSTEMMANAGER)", "dr.kim (DOCTOR)",
      "dr.lee (DOCTOR)", "nurse.yoon (NURSE)", "ris.park (RIS)", "lis.choi (LIS)", "qa.jung (QUALITY)",
      "op.han (OPERATOR)", "display.xray (DISPLAY, XRAY queue)", "patient.1001 (PATIENT)", "emp.12345 (EMPLOYEE)",
      "emp.20001 … emp.20050 (EMPLOYEE, voters)");

  private PulseLocal() {}

  public static void main(String[] args) throws InterruptedException {
    Path root = repositoryRoot();
    boolean keepData = false;
    Path data = root.resolve(".pulse-data");
    int notificationInstances = 1;
    boolean demoData = false;
    boolean monitoring = false;
    for (String arg : args) {
      if (arg.equals("--keep-data")) {
        keepData = true;
      } else if (arg.startsWith("--data-dir=")) {
        data = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
      } else if (arg.equals("--demo-data")) {
        demoData = true;
      } else if (arg.equals("--monitoring")) {
        monitoring = true;
      } else if (arg.equals("--no-startup-cache")) {
        System.setProperty(StartupCache.SWITCH, "off");
      } else if (arg.matches("--notification-instances=[1-9]")) {
        notificationInstances = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
      } else if (!arg.isBlank()) {
        System.err.println("Unknown option " + arg
            + "; known: --keep-data, --data-dir=PATH, --notification-instances=1..9, --demo-data, --monitoring,"
            + " --no-startup-cache");
        System.exit(2);
      }
    }
    LocalStackOptions options =
        new LocalStackOptions(root, data, keepData, LocalStackOptions.Ports.standard(notificationInstances));
    System.out.println("Starting Pulse: PostgreSQL, Kafka, gateway, " + String.join(", ",
        DomainService.ALL.stream().map(DomainService::module).toList()) + ", notification-service ...");
    long started = System.nanoTime();
    LocalStack stack;
    try {
      stack = LocalStack.start(options);
    } catch (StackLock.AlreadyRunningException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      System.err.println("Pulse did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    LocalMonitoring prometheus = monitoring ? startMonitoring(stack) : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("\nStopping Pulse ...");
      if (prometheus != null) {
        prometheus.close();
      }
      stack.close();
      System.out.println("Stopped.");
      stopped.countDown();
    }, "pulse-local-stop"));
    if (demoData) {
      int added = new DemoOrders(stack.gatewayUrl()).seedIfEmpty();
      System.out.println(added == 0 ? "Orders exist already: no demo orders added." : "Demo orders added: " + added);
      int products = new DemoQuality(stack.gatewayUrl()).seedIfEmpty();
      System.out.println(products == 0 ? "SPC products exist already: no SPC demo added."
          : "SPC demo products added: " + products + " (BOLT-M10, SHAFT-D20)");
      int polls = new DemoPolls(stack.gatewayUrl()).seedIfEmpty();
      System.out.println(polls == 0 ? "Open polls exist already: no demo polls added." : "Demo polls opened: " + polls);
      int patients = new DemoJourney(stack.gatewayUrl()).seedIfEmpty();
      System.out.println(patients == 0 ? "Demo patients are on their way already: no demo morning added."
          : "Demo morning: " + patients + " patients on their way through the XRAY, BLOOD and CT queues");
    }
    System.out.println(banner(stack, (System.nanoTime() - started) / 1_000_000_000.0));
    stopped.await();
  }

  private static LocalMonitoring startMonitoring(LocalStack stack) {
    return LocalMonitoring.binary().map(binary -> {
      LocalMonitoring prometheus = LocalMonitoring.start(binary, stack);
      System.out.println("Prometheus (Pulse's rules loaded) at " + prometheus.url());
      return prometheus;
    }).orElseGet(() -> {
      System.out.println("--monitoring: no 'prometheus' binary on the PATH (Debian: apt-get install prometheus);"
          + " the stack runs without it. Each service's metrics: http://127.0.0.1:<port>/actuator/prometheus");
      return null;
    });
  }

  static String banner(LocalStack stack, double seconds) {
    LocalStackOptions o = stack.options();
    String gateway = stack.gatewayUrl();
    StringBuilder services = new StringBuilder();
    stack.services().forEach(s -> services.append(s.name()).append(" :").append(s.port()).append("  "));
    return """

        Pulse is up (%.1f s)
          Gateway         %s   REST %s/api/ocs/orders   WebSocket %s/ws?access_token=...
          Demo users      password "pulse": %s
          Get a token     curl -s -X POST %s/auth/token -H 'Content-Type: application/json' -d '{"username":"dr.kim","password":"pulse"}'
          Demo patients   kiosk: curl -s -X POST %s/auth/simple-login -H 'Content-Type: application/json' -d '{"phoneLast4":"1003","birthDate":"1990-09-09"}' (README: Demo patients)
          Processes       %s
          PostgreSQL      localhost:%d (databases %s, user postgres/postgres)
          Kafka           %s
          Data            %s (%s)
          Logs            %s
          Start-up cache  %s
        Press Ctrl-C to stop everything.
        """.formatted(seconds, gateway, gateway, gateway.replace("http", "ws"), String.join(", ", DEMO_USERS),
        gateway, gateway, services.toString().trim(), o.ports().postgres(), String.join(", ", LocalStack.DATABASES),
        stack.kafkaBootstrapServers(), o.dataDirectory(),
        o.keepData() ? "kept from the last run" : "fresh; --keep-data keeps it next time",
        o.dataDirectory().resolve("logs"), startupCache(stack));
  }

  /** Whether the services started from their start-up cache, and whether one is being trained for next time. */
  private static String startupCache(LocalStack stack) {
    if (!StartupCache.enabled()) {
      return "off (--no-startup-cache)";
    }
    long used = stack.services().stream().filter(ServiceProcess::startedFromCache).count();
    int training = stack.startupCacheTraining().map(StartupCacheTraining::untrained).orElse(0);
    return used + " of " + stack.services().size() + " services started from it"
        + (training == 0 ? "" : "; training " + training + " in the background, so the next start is faster");
  }

  /** The directory holding the root pom: Maven runs us there; from elsewhere, walk up. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("deploy").resolve("local"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from inside the Pulse repository (no mvnw above " + dir + ")");
  }
}
