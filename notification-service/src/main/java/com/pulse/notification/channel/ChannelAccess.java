package com.pulse.notification.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see which channel, decided from token claims only (DESIGN.md, "Who is told about an order"):
 * ADMIN and SYSTEMMANAGER every order, a DOCTOR the orders they created, RIS and LIS workers the orders of their job
 * role. {@link #autoJoin} and {@link #maySubscribe} state the same policy twice, once as "joined on connect" and once
 * as "allowed on request", and a test holds them together.
 */
@Component
public final class ChannelAccess {

  static final String ADMIN = "ADMIN";
  static final String SYSTEM_MANAGER = "SYSTEMMANAGER";
  static final String DOCTOR = "DOCTOR";
  static final List<String> WORKER_ROLES = List.of("RIS", "LIS");

  /** The channels a connection joins on connect, in a stable order. */
  public Set<String> autoJoin(Viewer viewer) {
    Set<String> channels = new LinkedHashSet<>();
    if (seesEveryOrder(viewer)) {
      channels.add(Channels.OCS_ALL);
    }
    if (viewer.hasRole(DOCTOR)) {
      channels.add(Channels.ocsDoctor(viewer.id()));
    }
    jobRoles(viewer).forEach(jobRole -> channels.add(Channels.ocsJob(jobRole)));
    channels.remove(null);
    return channels;
  }

  /** Whether the viewer may be a member of the channel; unknown channels are refused. */
  public boolean maySubscribe(Viewer viewer, String channel) {
    if (channel == null) {
      return false;
    }
    if (channel.equals(Channels.OCS_ALL)) {
      return seesEveryOrder(viewer);
    }
    if (channel.startsWith(Channels.OCS_DOCTOR)) {
      return seesEveryOrder(viewer)
          || viewer.hasRole(DOCTOR) && channel.equals(Channels.ocsDoctor(viewer.id()));
    }
    if (channel.startsWith(Channels.OCS_JOB)) {
      return seesEveryOrder(viewer)
          || jobRoles(viewer).contains(channel.substring(Channels.OCS_JOB.length()));
    }
    return false;
  }

  private static boolean seesEveryOrder(Viewer viewer) {
    return viewer.hasRole(ADMIN) || viewer.hasRole(SYSTEM_MANAGER);
  }

  /** A worker's job role: the {@code jobRole} claim when present, else the worker role itself. */
  private static Set<String> jobRoles(Viewer viewer) {
    Set<String> jobRoles = new LinkedHashSet<>();
    for (String role : WORKER_ROLES) {
      if (viewer.hasRole(role)) {
        String claim = viewer.jobRole();
        jobRoles.add(claim == null || claim.isBlank() ? role : claim);
      }
    }
    return jobRoles;
  }
}
