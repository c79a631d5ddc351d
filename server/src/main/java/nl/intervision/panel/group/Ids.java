package nl.intervision.panel.group;

import java.util.function.Supplier;

/**
 * The prefixes of the ids the group mints from the server's fresh ids, so an id read in a log or a URL
 * says what it names. A member's id is also their participant id in the group's panel meetings.
 */
final class Ids {
  private Ids() {}

  static String member(Supplier<String> newId) {
    return "m-" + newId.get();
  }

  static String meeting(Supplier<String> newId) {
    return "gm-" + newId.get();
  }

  static String queuedCase(Supplier<String> newId) {
    return "case-" + newId.get();
  }

  static String actionPoint(Supplier<String> newId) {
    return "ap-" + newId.get();
  }

  static String learningPoint(Supplier<String> newId) {
    return "lp-" + newId.get();
  }
}
