package nl.intervision.panel.auth;

/** A token that does not prove anything: malformed, badly signed, expired or for someone else. */
public final class InvalidToken extends Exception {
  private final boolean expired;

  public InvalidToken(String message) {
    this(message, false);
  }

  /** @param expired it was genuine once: the person can be told to get a new one rather than that it is wrong */
  public InvalidToken(String message, boolean expired) {
    super(message, null, false, false);
    this.expired = expired;
  }

  public boolean expired() {
    return expired;
  }
}
