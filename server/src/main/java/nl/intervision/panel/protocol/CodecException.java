package nl.intervision.panel.protocol;

/** Input that does not have the documented shape; the message says which field and why. */
public final class CodecException extends RuntimeException {
  public CodecException(String message) {
    super(message, null, false, false);
  }
}
