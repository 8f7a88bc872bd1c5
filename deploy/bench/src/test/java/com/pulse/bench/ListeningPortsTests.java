package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningPortsTests {

  @Test
  void aListeningRowGivesItsPortAndInode() {
    String row = "   3: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 "
        + "5512345 1 0000000000000000 100 0 0 10 0";

    assertThat(ListeningPorts.parseListening(row)).containsExactly(8080, 5512345);
  }

  @Test
  void anEstablishedConnectionIsNotListening() {
    String row = "   4: 0100007F:1F90 0100007F:D3A2 01 00000000:00000000 00:00000000 00000000     0        0 "
        + "5512399 1 0000000000000000 20 4 30 10 -1";

    assertThat(ListeningPorts.parseListening(row)).isNull();
  }

  @Test
  void findsThisProcessListeningOnAPort() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ListeningPorts.pid(server.getLocalPort())).hasValue(ProcessHandle.current().pid());
    }
  }
}
