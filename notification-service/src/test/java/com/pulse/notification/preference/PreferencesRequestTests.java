package com.pulse.notification.preference;

import com.pulse.events.Priority;
import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferencesRequestTests {

  @Test
  void absentMembersTakeTheDefaults() {
    assertThat(new PreferencesRequest(null, null).validate()).isEqualTo(Preferences.DEFAULT);
  }

  @Test
  void keepsEachMutedTypeOnce() {
    Preferences preferences = new PreferencesRequest("NORMAL", List.of("ocs.order.created", "ocs.order.created",
        "spc.alert.raised")).validate();

    assertThat(preferences.minimumPriority()).isEqualTo(Priority.NORMAL);
    assertThat(preferences.mutedTypes()).containsExactlyInAnyOrder("ocs.order.created", "spc.alert.raised");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ocs", "OCS.ORDER.CREATED", "ocs.order.", ".ocs.order", "ocs order", "ocs.*"})
  void refusesWhatIsNotAnEventType(String type) {
    InvalidFieldsException refused = catchThrowableOfType(InvalidFieldsException.class,
        () -> new PreferencesRequest(null, List.of("ocs.order.created", type)).validate());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("mutedTypes[1]");
  }

  @Test
  void refusesTooManyMutedTypes() {
    List<String> types = new ArrayList<>(Collections.nCopies(PreferencesRequest.MAX_MUTED + 1, "ocs.order.created"));

    InvalidFieldsException refused = catchThrowableOfType(InvalidFieldsException.class,
        () -> new PreferencesRequest(null, types).validate());

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("mutedTypes");
  }

  @Test
  void namesAnUnknownPriorityAndListsTheKnownOnes() {
    InvalidFieldsException refused = catchThrowableOfType(InvalidFieldsException.class,
        () -> new PreferencesRequest("URGENT", null).validate());

    assertThat(refused.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo("minimumPriority");
      assertThat(problem.message()).contains("URGENT").contains("[LOW, NORMAL, HIGH, CRITICAL]");
    });
  }

  @Test
  void preferencesAcceptByPriorityAndType() {
    Preferences preferences = new Preferences(Priority.HIGH, Set.of("ocs.order.cancelled"));

    assertThat(preferences.accepts("ocs.order.created", Priority.HIGH)).isTrue();
    assertThat(preferences.accepts("ocs.order.created", Priority.CRITICAL)).isTrue();
    assertThat(preferences.accepts("ocs.order.created", Priority.NORMAL)).isFalse();
    assertThat(preferences.accepts("ocs.order.cancelled", Priority.CRITICAL)).isFalse();
  }
}
