package nl.intervision.panel.protocol;

/**
 * Why the server closed a socket, and whether a client should connect again. The 44xx numbers
 * echo the HTTP status a web developer would expect; the {@code reconnect} flag is the contract.
 */
public enum CloseCode {
  /** The server is shutting down or restarting; connect again (to any node) and resume with since. */
  GOING_AWAY(1001, "server going away", true),
  /** A frame that is not JSON, has no known type, or came before hello. A client bug: do not retry as is. */
  MALFORMED(4400, "malformed frame", false),
  /** The token is missing, invalid or expired, or its participant is no longer in the meeting. Get a new token first. */
  UNAUTHORIZED(4401, "invalid or expired token", false),
  /** Not allowed, for example a page on an origin that is not on the allow-list. */
  FORBIDDEN(4403, "forbidden", false),
  /** The meeting does not exist or has ended. */
  MEETING_GONE(4404, "meeting unknown or ended", false),
  /** No hello within the deadline after the socket opened. Reconnect and say hello at once. */
  HELLO_TIMEOUT(4408, "no hello in time", true),
  /** A frame over the size limit. */
  TOO_LARGE(4413, "frame too large", false),
  /** Too many frames in too short a time. Reconnect after a pause of a few seconds. */
  RATE_LIMITED(4429, "rate limited", true),
  /**
   * The client did not read what it was sent: more than the outbound limit was waiting for it.
   * Reconnect and resume with since; the replay (or the state) is the cheap way to catch up.
   */
  TOO_SLOW(4507, "too far behind", true),
  /** The server could not load the meeting (database unreachable). Reconnect with back-off. */
  UNAVAILABLE(4503, "temporarily unavailable", true),
  /**
   * Nothing came from the client for a while, not even the answer to the server's ping: the network
   * or the client is gone (a laptop lid shut, a tab frozen). Reconnect at once and resume with since.
   */
  NO_ANSWER(4504, "no answer", true);

  private final short code;
  private final String reason;
  private final boolean reconnect;

  CloseCode(int code, String reason, boolean reconnect) {
    this.code = (short) code;
    this.reason = reason;
    this.reconnect = reconnect;
  }

  public short code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public boolean reconnect() {
    return reconnect;
  }
}
