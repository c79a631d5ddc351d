package nl.intervision.panel.domain;

/** A command the meeting refuses. Nothing is stored or changed; the sender gets {@code reason} and the message. */
public final class Rejected extends RuntimeException {

  public enum Reason { BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE }

  private final Reason reason;

  public Rejected(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static Rejected badRequest(String message) {
    return new Rejected(Reason.BAD_REQUEST, message);
  }

  static Rejected forbidden(String message) {
    return new Rejected(Reason.FORBIDDEN, message);
  }

  static Rejected notFound(String message) {
    return new Rejected(Reason.NOT_FOUND, message);
  }

  static Rejected conflict(String message) {
    return new Rejected(Reason.CONFLICT, message);
  }

  static Rejected tooLarge(String message) {
    return new Rejected(Reason.TOO_LARGE, message);
  }
}
