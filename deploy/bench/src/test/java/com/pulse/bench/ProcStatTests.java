package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTests {

  @Test
  void readsParentAndTicksCountingFieldsAfterTheCommandName() {
    // a command name with spaces and a ')' of its own, as a thread may rename itself
    String line = "4639 (java (x) y) S 1 4639 4639 0 -1 4194560 331 0 0 0 1234 56 78 9 20 0 77 0 123 0 0";

    ProcStat stat = ProcStat.parse(line);

    assertThat(stat.pid()).isEqualTo(4639);
    assertThat(stat.ppid()).isEqualTo(1);
    assertThat(stat.utime()).isEqualTo(1234);
    assertThat(stat.stime()).isEqualTo(56);
    assertThat(stat.children()).isEqualTo(87);
    assertThat(stat.ticks()).isEqualTo(1234 + 56 + 87);
  }

  @Test
  void thisProcessReadsAsItself() throws Exception {
    long self = ProcessHandle.current().pid();
    ProcStat stat = ProcStat.parse(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")));

    assertThat(stat.pid()).isEqualTo(self);
    assertThat(stat.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
  }

  @Test
  void aLineWithoutCommandNameIsRefused() {
    assertThatThrownBy(() -> ProcStat.parse("12 S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
  }
}
