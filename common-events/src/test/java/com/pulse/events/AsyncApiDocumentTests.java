package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document outside consumers read names every topic Pulse publishes on and every envelope member. */
class AsyncApiDocumentTests {

  private static String document() throws IOException {
    return Files.readString(Path.of("asyncapi.yaml"));
  }

  @Test
  void everyTopicHasAChannel() throws IOException {
    String document = document();

    assertThat(Topics.all()).allSatisfy(topic -> assertThat(document).contains("address: " + topic));
  }

  @Test
  void theEnvelopesExtensionsAreDocumented() throws IOException {
    String document = document();

    for (String extension : new String[] {PulseEvents.SEQUENCE, PulseEvents.TRACEPARENT, PulseEvents.AUDIENCE,
        PulseEvents.PRIORITY, PulseEvents.TITLE, PulseEvents.SUMMARY}) {
      assertThat(document).contains("        " + extension + ": {");
    }
  }
}
