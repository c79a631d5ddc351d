package nl.intervision.panel.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a method, the catalogue's or a chair's own, one the server can run. */
public final class MethodRules {
  private MethodRules() {}

  public static final int MAX_PHASES = 30;
  public static final int MAX_NAME = 80;
  public static final int MAX_GUIDANCE = 1000;
  public static final int MAX_PURPOSE = 1000;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

  /**
   * @param reservedIds phase ids the frame around the method already uses
   * @param openingIds the frame's phases before the method, whose cards a method's phase may carry on from
   * @throws Rejected (bad request) naming the first field that is wrong
   */
  public static void check(Method method, Set<String> reservedIds, Set<String> openingIds) {
    id("id", method.id());
    text("name", method.name(), MAX_NAME, true);
    text("purpose", method.purpose(), MAX_PURPOSE, false);
    if (method.phases() == null || method.phases().isEmpty() || method.phases().size() > MAX_PHASES) {
      throw Rejected.badRequest(Refusal.METHOD_PHASE_COUNT, "a method has 1 to " + MAX_PHASES + " phases", "max", MAX_PHASES);
    }
    Set<String> seen = new HashSet<>(reservedIds);
    Set<String> earlier = new HashSet<>(openingIds);
    for (int i = 0; i < method.phases().size(); i++) {
      Phase phase = method.phases().get(i);
      String at = "phases[" + i + "].";
      id(at + "id", phase.id());
      if (!seen.add(phase.id())) {
        throw Rejected.badRequest(Refusal.METHOD_INVALID, at + "id '" + phase.id() + "' is used twice in the agenda",
            "field", at + "id");
      }
      text(at + "name", phase.name(), MAX_NAME, true);
      text(at + "guidance", phase.guidance(), MAX_GUIDANCE, false);
      if (phase.speaking() == null) {
        throw Rejected.badRequest(Refusal.FIELD_REQUIRED, at + "speaking is required: round, free, case-bringer or chair",
            "field", at + "speaking");
      }
      for (String kind : phase.cards()) {
        if (!CardKind.ALL.contains(kind)) {
          throw Rejected.badRequest(Refusal.METHOD_INVALID,
              at + "cards: '" + kind + "' is not a card kind; use one of " + CardKind.ALL, "field", at + "cards");
        }
      }
      for (String carried : phase.carries()) {
        // Only what came before can be worked on: a later phase's cards do not exist yet.
        if (!CardKind.ALL.contains(carried) && !earlier.contains(carried)) {
          throw Rejected.badRequest(Refusal.METHOD_INVALID, at + "carries: '" + carried
              + "' is neither a card kind nor an earlier phase", "field", at + "carries");
        }
      }
      earlier.add(phase.id());
      if (phase.minutes() != null && (phase.minutes() < 1 || phase.minutes() > Phases.MAX_MINUTES)) {
        throw Rejected.badRequest(Refusal.MINUTES_OUT_OF_RANGE, at + "minutes must be between 1 and " + Phases.MAX_MINUTES,
            "min", 1, "max", Phases.MAX_MINUTES);
      }
    }
  }

  private static void id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw Rejected.badRequest(Refusal.METHOD_INVALID, field + " must be 1 to 60 lower-case letters, digits and dashes",
          "field", field);
    }
  }

  private static void text(String field, Text text, int limit, boolean required) {
    if (text == null) {
      if (required) {
        throw Rejected.badRequest(Refusal.FIELD_REQUIRED, field + " is required, with nl and en", "field", field);
      }
      return;
    }
    check(field + ".nl", text.nl(), limit, required);
    check(field + ".en", text.en(), limit, required);
  }

  private static void check(String field, String value, int limit, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw Rejected.badRequest(Refusal.FIELD_REQUIRED, field + " is required", "field", field);
      }
      return;
    }
    Texts.required(field, value, limit);
  }
}
