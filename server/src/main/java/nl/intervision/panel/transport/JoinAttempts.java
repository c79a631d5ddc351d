package nl.intervision.panel.transport;

/**
 * Slows down guessing join codes: wrong codes are limited per address
 * ({@code JOIN_FAILURES_PER_MINUTE}) and per meeting ({@code JOIN_FAILURES_PER_MINUTE_PER_MEETING}),
 * each a bucket that holds a minute's worth and refills evenly. Only a wrong code takes a token, so
 * a whole office behind one address may join at once. The check and the take happen in one turn of
 * the event loop, after the meeting is loaded, so attempts sent at once cannot slip past the limit
 * while others are being decided. Once a bucket is empty, attempts are refused without looking at
 * the code, so a refusal says nothing about it.
 *
 * <p>A refused device code (a claim of someone's seat on another device) counts as a wrong code: one
 * budget for both ways in, so switching between them gives a guesser nothing more.
 *
 * <p>The per-meeting limit is what holds against many addresses at once. Its price: while a meeting
 * is under such an attack, someone with the right code may have to wait too.
 */
final class JoinAttempts {
  /** Addresses and meetings remembered at once; see {@link Buckets} for what happens beyond. */
  static final int REMEMBERED = 20_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Buckets perAddress;
  private final Buckets perMeeting;

  /** @param perAddressPerMinute, perMeetingPerMinute 0 switches that limit off */
  JoinAttempts(int perAddressPerMinute, int perMeetingPerMinute) {
    this.perAddress = buckets(perAddressPerMinute);
    this.perMeeting = buckets(perMeetingPerMinute);
  }

  private static Buckets buckets(int perMinute) {
    return perMinute <= 0 ? null : new Buckets(perMinute / 60.0, perMinute, REMEMBERED);
  }

  /** @return 0 when this address may try a code for this meeting now, else the whole seconds to wait */
  long secondsToWait(String address, String meetingId, long nowNanos) {
    long nanos = Math.max(wait(perAddress, address, nowNanos), wait(perMeeting, meetingId, nowNanos));
    return nanos == 0 ? 0 : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
  }

  /** A wrong code was tried: it counts against the address and the meeting. */
  void wrongCode(String address, String meetingId, long nowNanos) {
    if (perAddress != null) {
      perAddress.take(address, nowNanos);
    }
    if (perMeeting != null) {
      perMeeting.take(meetingId, nowNanos);
    }
  }

  /**
   * One code tried at the door, checked and counted in one go: refused without looking at the code
   * once a bucket is empty, and counted when wrong. The verdict on the code itself is the caller's.
   *
   * @throws TooManyWrongCodes when this address or meeting has to wait
   */
  void tryCode(String address, String meetingId, boolean right, long nowNanos) {
    long wait = secondsToWait(address, meetingId, nowNanos);
    if (wait > 0) {
      throw new TooManyWrongCodes(wait);
    }
    if (!right) {
      wrongCode(address, meetingId, nowNanos);
    }
  }

  private static long wait(Buckets buckets, String key, long nowNanos) {
    return buckets == null ? 0 : buckets.nanosUntilToken(key, nowNanos);
  }
}
