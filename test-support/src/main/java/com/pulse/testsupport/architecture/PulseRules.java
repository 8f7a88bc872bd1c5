package com.pulse.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Architecture rules every Pulse module states the same way (each module's {@code ArchitectureTests} applies them
 * to its own packages). Each is shown to fail on a deliberate violation in test-support's own tests.
 */
public final class PulseRules {

  /**
   * The words of Pulse's domains: namespaces, aggregates and the payload fields producers route by. Code that must
   * know no domain (the delivery core) spells none of them — not in a class, field or method name, not in a string.
   * Compound field names ({@code doctorId}) are matched as one word; plain "order" and "poll" are not listed, as SQL
   * and Kafka use them too.
   */
  public static final Set<String> DOMAIN_WORDS = Set.of("ocs", "spc", "journey", "vote", "votes", "orders", "doctor",
      "doctors", "patient", "patients", "worker", "alert", "alerts", "polls", "ballot", "ballots", "exam",
      "measurement", "measurements", "capability", "orderid", "jobrole", "doctorid", "patientid", "workerid",
      "productid", "pollid", "examid", "queueid", "recipientid");

  private static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");

  private PulseRules() {}

  /** The feature packages directly under {@code basePackage} depend on each other without cycles. */
  public static ArchRule featuresFreeOfCycles(String basePackage) {
    return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
  }

  /** Only classes in {@code allowedPackage} use anything in {@code targetPackages} (e.g. Kafka's clients). */
  public static ArchRule onlyThereUse(String allowedPackage, String... targetPackages) {
    return noClasses().that().resideOutsideOfPackage(allowedPackage)
        .should().dependOnClassesThat().resideInAnyPackage(targetPackages);
  }

  /** Classes in {@code packages} spell no word of {@link #DOMAIN_WORDS} in names or string literals. */
  public static ArchRule knowNoDomain(String... packages) {
    return classes().that().resideInAnyPackage(packages).should(mentionNo(DOMAIN_WORDS))
        .because("the delivery core reads an event's audience and the channel catalog, never a domain's names");
  }

  /** The condition behind {@link #knowNoDomain}: names of the class and its members, and its string constants. */
  public static ArchCondition<JavaClass> mentionNo(Set<String> words) {
    return new ArchCondition<>("mention none of " + new TreeSet<>(words)) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        report(javaClass, "name", javaClass.getSimpleName(), words, events);
        for (JavaMember member : javaClass.getMembers()) {
          report(javaClass, "member", member.getName(), words, events);
        }
        javaClass.getSource().ifPresent(source -> StringConstants.of(source.getUri())
            .forEach(literal -> report(javaClass, "string", literal, words, events)));
      }
    };
  }

  private static void report(JavaClass owner, String where, String text, Set<String> words,
      ConditionEvents events) {
    List<String> parts = Arrays.stream(WORD_BREAK.split(text)).map(word -> word.toLowerCase(Locale.ROOT)).toList();
    List<String> found = new java.util.ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (words.contains(parts.get(i))) {
        found.add(parts.get(i));
      }
      if (i + 1 < parts.size() && words.contains(parts.get(i) + parts.get(i + 1))) {
        found.add(parts.get(i) + parts.get(i + 1));
      }
    }
    if (!found.isEmpty()) {
      events.add(SimpleConditionEvent.violated(owner, owner.getName() + " spells " + found + " in its " + where
          + " \"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\""));
    }
  }
}
