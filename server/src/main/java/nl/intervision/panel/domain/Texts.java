package nl.intervision.panel.domain;

/** Checks free text typed by people: present, trimmed, and within its limit in characters. */
public final class Texts {
  private Texts() {}

  public static String required(String field, String value, int limit) {
    if (value == null || value.isBlank()) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, field + " is required", "field", field);
    }
    if (value.indexOf('\u0000') >= 0) {
      // PostgreSQL cannot store NUL in text or JSON; refuse it plainly instead of failing to save.
      throw Rejected.badRequest(Refusal.TEXT_INVALID, field + " contains a NUL character", "field", field);
    }
    if (hasUnpairedSurrogate(value)) {
      // Half of a UTF-16 surrogate pair (a JSON escape can send one) is no character: UTF-8 cannot
      // encode it, so PostgreSQL refuses it and the command would fail as "unavailable" on every retry.
      throw Rejected.badRequest(Refusal.TEXT_INVALID,
          field + " contains an unpaired surrogate (U+D800 to U+DFFF), which is not a character", "field", field);
    }
    String trimmed = value.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > limit) {
      throw Rejected.tooLarge(Refusal.TOO_LONG, field + " has " + length + " characters; at most " + limit + " are allowed",
          "field", field, "length", length, "max", limit);
    }
    return trimmed;
  }

  static boolean hasUnpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
