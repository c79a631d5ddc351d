package nl.intervision.panel.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command the meeting refuses. Nothing is stored or changed; the sender gets the code
 * ({@link #reason()}), a {@link Refusal} with its params that the page translates, and an English
 * message for developers.
 */
public final class Rejected extends RuntimeException {

  public enum Reason { BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE }

  private final Reason reason;
  private final Refusal refusal;
  private final Map<String, Object> params;

  public Rejected(Reason reason, Refusal refusal, Map<String, Object> params, String message) {
    super(message, null, false, false);
    assert refusal.fits(params) : refusal + " takes " + refusal.params() + ", not " + params.keySet();
    this.reason = reason;
    this.refusal = refusal;
    this.params = params;
  }

  /** The code: what kind of refusal this is (conflict, forbidden...), which decides what a client does next. */
  public Reason reason() {
    return reason;
  }

  /** Which refusal this is, for the person who meets it. */
  public Refusal refusal() {
    return refusal;
  }

  /** The values the person's text names (a limit, a card kind...), in the order {@link Refusal#params()} gives. */
  public Map<String, Object> params() {
    return params;
  }

  /**
   * @param keysAndValues name, value, name, value...: strings and numbers only, for they go into a
   *     sentence; a null value becomes an empty string so the sentence still reads
   */
  public static Map<String, Object> params(Object... keysAndValues) {
    if (keysAndValues.length == 0) {
      return Map.of();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      map.put((String) keysAndValues[i], value instanceof Number ? value : value == null ? "" : value.toString());
    }
    return Collections.unmodifiableMap(map);
  }

  public static Rejected badRequest(Refusal refusal, String message, Object... params) {
    return new Rejected(Reason.BAD_REQUEST, refusal, params(params), message);
  }

  public static Rejected forbidden(Refusal refusal, String message, Object... params) {
    return new Rejected(Reason.FORBIDDEN, refusal, params(params), message);
  }

  public static Rejected notFound(Refusal refusal, String message, Object... params) {
    return new Rejected(Reason.NOT_FOUND, refusal, params(params), message);
  }

  public static Rejected conflict(Refusal refusal, String message, Object... params) {
    return new Rejected(Reason.CONFLICT, refusal, params(params), message);
  }

  public static Rejected tooLarge(Refusal refusal, String message, Object... params) {
    return new Rejected(Reason.TOO_LARGE, refusal, params(params), message);
  }
}
