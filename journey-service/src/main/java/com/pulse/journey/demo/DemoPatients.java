package com.pulse.journey.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The demo hospital's patients, each with appointments today. Every phone ends in the patient's number and no two
 * share a birth date, so each signs in alone at the kiosk (last four digits + birth date); the README tables list
 * them and a test signs every listed one in. Only the twins 1091 and 1092 share both on purpose: the simple login's
 * "several match" (409).
 */
final class DemoPatients {

  record Patient(String id, String name, String phone, LocalDate birthDate, List<Appointment> appointments) {

    /** The login the patient's token carries as {@code sub}. */
    String userId() {
      return "patient." + id;
    }
  }

  record Appointment(String examId, LocalTime at) {}

  private DemoPatients() {}

  /** 1001 … 1006 stay at home for trying the kiosk; 1007 … 1030 are the busy morning's crowd (deploy/local). */
  static final List<Patient> ALL = List.of(
      patient("1001", "김민수", "010-1234-1001", "1980-01-01", "XRAY 09:00", "BLOOD 10:00"),
      patient("1002", "이영희", "010-5678-1002", "1975-05-05", "CT 09:30"),
      patient("1003", "박지훈", "010-2222-1003", "1990-09-09", "BLOOD 08:30", "CT 10:30"),
      patient("1004", "최수진", "010-9999-1004", "1983-11-23", "XRAY 14:00"),
      patient("1005", "정하늘", "010-3141-1005", "2001-07-17", "BLOOD 13:30"),
      patient("1006", "강도윤", "010-2718-1006", "1958-03-21", "CT 15:00"),
      patient("1007", "조은별", "010-4701-1007", "1962-02-14", "BLOOD 08:00"),
      patient("1008", "윤재현", "010-4702-1008", "1971-06-30", "BLOOD 08:10"),
      patient("1009", "장미래", "010-4703-1009", "1988-10-03", "BLOOD 08:20", "XRAY 10:40"),
      patient("1010", "임하준", "010-4704-1010", "1995-12-12", "BLOOD 08:50"),
      patient("1011", "한소율", "010-4705-1011", "1979-04-08", "BLOOD 09:00"),
      patient("1012", "오지호", "010-4706-1012", "1966-08-19", "BLOOD 09:10"),
      patient("1013", "서예린", "010-4707-1013", "2003-01-27", "BLOOD 09:20"),
      patient("1014", "신동현", "010-4708-1014", "1954-09-05", "BLOOD 09:30"),
      patient("1015", "권나은", "010-4709-1015", "1985-03-11", "XRAY 08:00"),
      patient("1016", "황시우", "010-4710-1016", "1977-07-22", "XRAY 08:15", "BLOOD 09:40"),
      patient("1017", "안서준", "010-4711-1017", "1969-11-02", "XRAY 08:30"),
      patient("1018", "송지아", "010-4712-1018", "1992-05-16", "XRAY 09:00"),
      patient("1019", "전우진", "010-4713-1019", "1949-12-30", "XRAY 09:15"),
      patient("1020", "홍다인", "010-4714-1020", "1999-02-09", "XRAY 09:30"),
      patient("1021", "고태윤", "010-4715-1021", "1973-10-25", "XRAY 09:45"),
      patient("1022", "문채원", "010-4716-1022", "1986-06-07", "XRAY 10:00"),
      patient("1023", "양준혁", "010-4717-1023", "1960-04-18", "CT 08:00"),
      patient("1024", "손유나", "010-4718-1024", "1982-08-29", "CT 08:45"),
      patient("1025", "배성민", "010-4719-1025", "1957-01-13", "CT 09:30"),
      patient("1026", "백수아", "010-4720-1026", "1994-03-03", "CT 10:00"),
      patient("1027", "허도현", "010-4721-1027", "1976-09-14", "XRAY 10:30"),
      patient("1028", "유가은", "010-4722-1028", "2000-11-20", "BLOOD 10:30"),
      patient("1029", "남건우", "010-4723-1029", "1964-05-26", "CT 10:45"),
      patient("1030", "노하은", "010-4724-1030", "1989-07-31", "XRAY 11:00"),
      // twins whose phones happen to end alike: the kiosk cannot tell them apart (409, "the full number")
      patient("1091", "윤서연", "010-5678-2002", "1975-05-05", "BLOOD 11:30"),
      patient("1092", "윤서진", "010-9999-2002", "1975-05-05", "BLOOD 11:40"));

  /** @param appointments {@code "EXAM HH:MM"}, today in the hospital's zone */
  private static Patient patient(String id, String name, String phone, String birthDate, String... appointments) {
    return new Patient(id, name, phone, LocalDate.parse(birthDate), List.of(appointments).stream().map(a -> {
      String[] parts = a.split(" ");
      return new Appointment(parts[0], LocalTime.parse(parts[1]));
    }).toList());
  }
}
