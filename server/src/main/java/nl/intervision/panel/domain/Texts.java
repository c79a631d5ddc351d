package nl.intervision.panel.domain;

/** Checks free text typed by people: present, trimmed, and within its limit in characters. */
final class Texts {
  private Texts() {}

  static String required(String field, String value, int limit) {
    if (value == null || value.isBlank()) {
      throw Rejected.badRequest(field + " is required");
    }
    if (value.indexOf('\u0000') >= 0) {
      // PostgreSQL cannot store NUL in text or JSON; refuse it plainly instead of failing to save.
      throw Rejected.badRequest(field + " contains a NUL character");
    }
    String trimmed = value.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > limit) {
      throw Rejected.tooLarge(field + " has " + length + " characters; at most " + limit + " are allowed");
    }
    return trimmed;
  }
}
