package com.pulse.notification.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see which channel, decided from token claims only (DESIGN.md): the one place that says it.
 *
 * <table>
 *   <caption>Channels and audiences</caption>
 *   <tr><th>channel</th><th>may join</th><th>joined on connect by</th></tr>
 *   <tr><td>ocs:all</td><td>ADMIN, SYSTEMMANAGER</td><td>the same</td></tr>
 *   <tr><td>ocs:doctor:{id}</td><td>that DOCTOR; ADMIN, SYSTEMMANAGER</td><td>the doctor</td></tr>
 *   <tr><td>ocs:job:{RIS|LIS}</td><td>workers of that job role; ADMIN, SYSTEMMANAGER</td><td>the workers</td></tr>
 *   <tr><td>spc:alerts, spc:product:{id}</td><td>QUALITY, OPERATOR; ADMIN, SYSTEMMANAGER</td>
 *       <td>spc:alerts: QUALITY, OPERATOR</td></tr>
 *   <tr><td>journey:patient:{id}</td><td>that PATIENT ({@code patientId} claim); clinical staff</td>
 *       <td>the patient</td></tr>
 *   <tr><td>journey:queue:{id}</td><td>clinical staff</td><td>—</td></tr>
 *   <tr><td>vote:poll:{id}</td><td>employees (EMPLOYEE role or an {@code empNo}); ADMIN, SYSTEMMANAGER</td>
 *       <td>—</td></tr>
 *   <tr><td>user:{id}</td><td>that user only (not even administrators)</td><td>everyone, their own</td></tr>
 * </table>
 *
 * <p>Clinical staff: DOCTOR, NURSE, ADMIN, SYSTEMMANAGER. {@link #autoJoin} and {@link #maySubscribe} state the policy
 * twice, as "joined on connect" and "allowed on request", and a test holds them together.
 */
@Component
public final class ChannelAccess {

  static final String ADMIN = "ADMIN";
  static final String SYSTEM_MANAGER = "SYSTEMMANAGER";
  static final String DOCTOR = "DOCTOR";
  static final String NURSE = "NURSE";
  static final String PATIENT = "PATIENT";
  static final String EMPLOYEE = "EMPLOYEE";
  static final List<String> WORKER_ROLES = List.of("RIS", "LIS");
  static final List<String> PLANT_ROLES = List.of("QUALITY", "OPERATOR");

  /** The channels a connection joins on connect, in a stable order. */
  public Set<String> autoJoin(Viewer viewer) {
    Set<String> channels = new LinkedHashSet<>();
    if (administers(viewer)) {
      channels.add(Channels.OCS_ALL);
    }
    if (viewer.hasRole(DOCTOR)) {
      channels.add(Channels.ocsDoctor(viewer.id()));
    }
    jobRoles(viewer).forEach(jobRole -> channels.add(Channels.ocsJob(jobRole)));
    if (PLANT_ROLES.stream().anyMatch(viewer::hasRole)) {
      channels.add(Channels.SPC_ALERTS);
    }
    if (viewer.hasRole(PATIENT)) {
      channels.add(Channels.journeyPatient(viewer.patientId()));
    }
    channels.add(Channels.user(viewer.id()));
    channels.remove(null);
    channels.removeIf(channel -> !Channels.known(channel));
    return channels;
  }

  /** Whether the viewer may be a member of the channel; unknown channels are refused. */
  public boolean maySubscribe(Viewer viewer, String channel) {
    if (!Channels.known(channel)) {
      return false;
    }
    if (channel.equals(Channels.OCS_ALL)) {
      return administers(viewer);
    }
    if (channel.startsWith(Channels.OCS_DOCTOR)) {
      return administers(viewer) || viewer.hasRole(DOCTOR) && channel.equals(Channels.ocsDoctor(viewer.id()));
    }
    if (channel.startsWith(Channels.OCS_JOB)) {
      return administers(viewer) || jobRoles(viewer).contains(channel.substring(Channels.OCS_JOB.length()));
    }
    if (channel.equals(Channels.SPC_ALERTS) || channel.startsWith(Channels.SPC_PRODUCT)) {
      return administers(viewer) || PLANT_ROLES.stream().anyMatch(viewer::hasRole);
    }
    if (channel.startsWith(Channels.JOURNEY_PATIENT)) {
      return clinicalStaff(viewer)
          || viewer.hasRole(PATIENT) && channel.equals(Channels.journeyPatient(viewer.patientId()));
    }
    if (channel.startsWith(Channels.JOURNEY_QUEUE)) {
      return clinicalStaff(viewer);
    }
    if (channel.startsWith(Channels.VOTE_POLL)) {
      return administers(viewer) || viewer.hasRole(EMPLOYEE)
          || viewer.empNo() != null && !viewer.empNo().isBlank();
    }
    if (channel.startsWith(Channels.USER)) {
      return channel.equals(Channels.user(viewer.id()));
    }
    return false;
  }

  private static boolean administers(Viewer viewer) {
    return viewer.hasRole(ADMIN) || viewer.hasRole(SYSTEM_MANAGER);
  }

  private static boolean clinicalStaff(Viewer viewer) {
    return administers(viewer) || viewer.hasRole(DOCTOR) || viewer.hasRole(NURSE);
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
