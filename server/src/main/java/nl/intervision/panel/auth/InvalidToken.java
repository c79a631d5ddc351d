package nl.intervision.panel.auth;

/** A token that does not prove anything: malformed, badly signed, expired or for someone else. */
public final class InvalidToken extends Exception {
  public InvalidToken(String message) {
    super(message, null, false, false);
  }
}
