package com.pulse.platform;

import com.pulse.events.Announcement;
import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import com.pulse.platform.outbox.Outbox;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the platform: one table, one event, one controller. */
@SpringBootApplication
public class PlatformTestApplication {

  public enum Color { RED, GREEN }

  public record WidgetRequest(@NotBlank String name, @NotNull Color color, @Min(1) Integer size) {}

  /** Writes a widget and announces it through the outbox, in one transaction. */
  @Service
  public static class Widgets {
    /** Widgets are announced to administrators: any declared channel serves the outbox's tests. */
    public static final Announcement ALL = Announcement.to("ocs:all");

    private final JdbcClient jdbc;
    private final Outbox outbox;

    Widgets(JdbcClient jdbc, Outbox outbox) {
      this.jdbc = jdbc;
      this.outbox = outbox;
    }

    @Transactional
    public UUID create(String name, String doctorId, boolean failAfterWrite) {
      UUID id = UUID.randomUUID();
      jdbc.sql("insert into widget (id, name, version) values (?, ?, 1)").params(id, name).update();
      outbox.append(EventType.OCS_ORDER_CREATED, id.toString(), 1, order(id, name, doctorId), ALL);
      if (failAfterWrite) {
        throw new IllegalStateException("failing after the write, on purpose");
      }
      return id;
    }

    /** Appends the next version's event for an existing widget (the row lock orders concurrent writers). */
    @Transactional
    public long touch(UUID id, String name) {
      long version = jdbc.sql("update widget set version = version + 1 where id = ? returning version")
          .param(id).query(Long.class).single();
      outbox.append(EventType.OCS_ORDER_CREATED, id.toString(), version, order(id, name, "dr.kim"), ALL);
      return version;
    }

    @Transactional
    public void createWithPayload(Object payload) {
      createAnnounced(payload, ALL);
    }

    @Transactional
    public void createAnnounced(Object payload, Announcement announcement) {
      UUID id = UUID.randomUUID();
      outbox.append(EventType.OCS_ORDER_CREATED, id.toString(), 1, payload, announcement);
    }

    public static Map<String, Object> order(UUID id, String code, String doctorId) {
      Map<String, Object> order = new LinkedHashMap<>();
      order.put("orderId", id.toString());
      order.put("patientId", "P-1");
      order.put("doctorId", doctorId);
      order.put("jobRole", "RIS");
      order.put("orderCode", code);
      order.put("priority", "ROUTINE");
      order.put("status", "REQUESTED");
      order.put("workerId", null);
      order.put("version", 1);
      order.put("createdAt", Instant.now().toString());
      return order;
    }
  }

  @RestController
  static class WidgetController {
    private final JdbcClient jdbc;
    private final Widgets widgets;

    WidgetController(JdbcClient jdbc, Widgets widgets) {
      this.jdbc = jdbc;
      this.widgets = widgets;
    }

    /** A command whose event goes through the outbox, as a service's commands do. */
    @PostMapping("/test/widgets/announced")
    Map<String, Object> createAnnounced(@Valid @RequestBody WidgetRequest request, Caller user) {
      if (!user.hasRole(Role.DOCTOR)) {
        throw new AccessDeniedException("Only doctors make widgets.");
      }
      return Map.of("id", widgets.create(request.name(), user.id(), false));
    }

    @PostMapping("/test/widgets")
    Map<String, Object> create(@Valid @RequestBody WidgetRequest request, Caller user) {
      if (!user.hasRole(Role.DOCTOR)) {
        throw new AccessDeniedException("Only doctors make widgets.");
      }
      // the name reaches PostgreSQL, as a service's text fields do
      int length = jdbc.sql("select length(cast(? as text))").param(request.name()).query(Integer.class).single();
      return Map.of("name", request.name(), "by", user.id(), "length", length);
    }

    @GetMapping("/test/widgets/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
      return Map.of("id", id);
    }

    /** Query parameters as a service binds them, reaching PostgreSQL: a text filter and a time filter. */
    @GetMapping("/test/widgets")
    Map<String, Object> search(@RequestParam(required = false) String name,
        @RequestParam(required = false) Instant createdFrom) {
      Timestamp from = createdFrom == null ? null : Timestamp.from(createdFrom);
      long count = jdbc.sql("select count(*) from widget where (cast(? as text) is null or name = ?)"
              + " and (cast(? as timestamptz) is null or now() >= ?)")
          .params(name, name, from, from).query(Long.class).single();
      return Map.of("count", count);
    }

    @GetMapping("/test/boom")
    Map<String, Object> boom() {
      throw new IllegalStateException("secret internal detail");
    }
  }
}
