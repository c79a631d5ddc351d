package nl.intervision.panel.auth.platform;

/** A platform's proof of identity that does not hold: the reason is safe to show, the token is never in it. */
public final class RefusedProof extends RuntimeException {
  public RefusedProof(String reason) {
    super(reason, null, false, false);
  }
}
