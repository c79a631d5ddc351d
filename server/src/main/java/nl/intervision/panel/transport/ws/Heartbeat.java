package nl.intervision.panel.transport.ws;

/**
 * One socket's side of liveness: when something last arrived from it and whether it has been pinged
 * since. Times are milliseconds of a monotonic clock, so a change of the wall clock pings no one.
 */
final class Heartbeat {
  enum Due { NOTHING, PING, CLOSE }

  private long heardAt;
  private long pingedAt = -1;

  Heartbeat(long now) {
    this.heardAt = now;
  }

  /** Any frame counts, a pong or a text frame alike: the other side is there. */
  void heard(long now) {
    heardAt = now;
    pingedAt = -1;
  }

  void pinged(long now) {
    pingedAt = now;
  }

  /** What the socket needs now: a ping after pingEveryMs of silence, a close when the ping went unanswered for timeoutMs. */
  Due due(long now, long pingEveryMs, long timeoutMs) {
    if (pingedAt >= 0) {
      return now - pingedAt >= timeoutMs ? Due.CLOSE : Due.NOTHING;
    }
    return now - heardAt >= pingEveryMs ? Due.PING : Due.NOTHING;
  }
}
