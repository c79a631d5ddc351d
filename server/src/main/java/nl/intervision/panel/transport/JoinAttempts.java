package nl.intervision.panel.transport;

/**
 * Slows down guessing join codes: wrong codes are limited per address
 * ({@code JOIN_FAILURES_PER_MINUTE}) and per meeting ({@code JOIN_FAILURES_PER_MINUTE_PER_MEETING}),
 * each a bucket that holds a minute's worth and refills evenly. Every attempt takes its token before
 * the code is checked, and gets it back unless the code was wrong; so many attempts sent at once
 * cannot all slip through while the first are still being decided. Once a bucket is empty, attempts
 * are refused without looking at the code, so a refusal says nothing about it.
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

  /** @return 0 when this address may try now (it then holds a token), else the whole seconds to wait */
  long fromAddress(String address, long nowNanos) {
    return take(perAddress, address, nowNanos);
  }

  /** @return 0 when this meeting takes another attempt now (it then holds a token), else the seconds to wait */
  long inMeeting(String meetingId, long nowNanos) {
    return take(perMeeting, meetingId, nowNanos);
  }

  /** The attempt was no guess: the code was right, or never checked. It costs nothing. */
  void noGuess(String address, String meetingId) {
    if (perAddress != null) {
      perAddress.giveBack(address);
    }
    if (perMeeting != null && meetingId != null) {
      perMeeting.giveBack(meetingId);
    }
  }

  private static long take(Buckets buckets, String key, long nowNanos) {
    if (buckets == null) {
      return 0;
    }
    long waitNanos = buckets.take(key, nowNanos);
    return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
  }
}
