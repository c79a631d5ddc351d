package nl.intervision.panel.transport.limits;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.WrongCodes;

/**
 * Slows down guessing join codes: wrong codes are limited per address ({@code JOIN_FAILURES_PER_MINUTE})
 * and per meeting or group ({@code JOIN_FAILURES_PER_MINUTE_PER_MEETING}). Only a wrong code counts, so
 * a whole office behind one address may join at once. Once a limit is reached, attempts are refused
 * without looking at the code, so a refusal says nothing about it. Every way in with a code (a join, an
 * invitation, a device claim, for meetings and groups alike) goes through here, in three steps:
 * {@link #attempt}, then {@link Attempt#tryCode} in the same turn of the event loop as the verdict, then
 * {@link Attempt#answer} before answering ({@link Attempt#check} does the last two for a caller that
 * decides on the code itself).
 *
 * <p>Per address, a token bucket on this node that holds a minute's worth and refills evenly: behind a
 * sticky proxy an address talks to one node, so counting it here is enough and costs no round trip.
 *
 * <p>Per meeting, a sliding minute in the {@link WrongCodes} store, which every node shares when there
 * is a database: N nodes do not give an attacker N times the guesses. Its count is asked before the code
 * is looked at (one round trip), and a wrong code is in it before the answer goes out, so someone who
 * waits for each answer cannot get past the limit on any node. Attempts in flight at the same moment
 * can: each may have read the count before the others' wrong codes landed, so the limit is overshot by
 * at most the attempts under way together (across all nodes, each address held to its own bucket), not
 * by the number of nodes times the limit. A bucket per meeting on this node stays as well: the check
 * and the count in one turn of the event loop hold on this node even between those round trips.
 *
 * <p>A refused device code (a claim of someone's seat on another device) counts as a wrong code: one
 * budget for both ways in, so switching between them gives a guesser nothing more. The per-meeting
 * limit is what holds against many addresses at once; its price is that while a meeting is under
 * such an attack, someone with the right code may have to wait too.
 */
public final class JoinAttempts {
  private static final Logger LOG = Logger.getLogger(JoinAttempts.class.getName());
  /** Addresses and meetings remembered at once; see {@link Buckets} for what happens beyond. */
  static final int REMEMBERED = 20_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Buckets perAddress;
  private final Buckets perMeeting;
  private final int perMeetingPerMinute;
  private final WrongCodes shared;

  /**
   * @param perAddressPerMinute, perMeetingPerMinute 0 switches that limit off
   * @param shared the per-meeting count that all nodes share
   */
  public JoinAttempts(int perAddressPerMinute, int perMeetingPerMinute, WrongCodes shared) {
    this.perAddress = buckets(perAddressPerMinute);
    this.perMeeting = buckets(perMeetingPerMinute);
    this.perMeetingPerMinute = perMeetingPerMinute;
    this.shared = shared;
  }

  private static Buckets buckets(int perMinute) {
    return perMinute <= 0 ? null : new Buckets(perMinute / 60.0, perMinute, REMEMBERED);
  }

  /**
   * Someone is about to try a code for this meeting (or group): asks the shared count first. Fails
   * with the store's error when it cannot be asked.
   */
  public Future<Attempt> attempt(String address, String meetingId) {
    if (perMeetingPerMinute <= 0) {
      return Future.succeededFuture(new Attempt(address, meetingId, 0));
    }
    return shared.secondsToWait(meetingId, perMeetingPerMinute).map(wait -> new Attempt(address, meetingId, wait));
  }

  /** One code tried at the door, with what the shared count said when it was asked. */
  public final class Attempt {
    private final String address;
    private final String meetingId;
    private final long sharedWait;
    private Future<Void> counted = Future.succeededFuture();

    private Attempt(String address, String meetingId, long sharedWait) {
      this.address = address;
      this.meetingId = meetingId;
      this.sharedWait = sharedWait;
    }

    /**
     * Checks and counts in one go, in the turn of the event loop that decides on the code: refused
     * without looking at the code once a limit is reached, and counted (here and in the shared count)
     * when wrong. The verdict on the code itself is the caller's.
     *
     * @throws TooManyWrongCodes when this address or meeting has to wait
     */
    public void tryCode(boolean right) {
      long now = System.nanoTime();
      long nanos = Math.max(nanosToWait(perAddress, address, now), nanosToWait(perMeeting, meetingId, now));
      long wait = Math.max(sharedWait, nanos == 0 ? 0 : Math.max(1, (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
      if (wait > 0) {
        throw new TooManyWrongCodes(wait);
      }
      if (!right) {
        take(perAddress, address, now);
        take(perMeeting, meetingId, now);
        if (perMeetingPerMinute > 0) {
          counted = shared.record(meetingId).recover(e -> {
            // The wrong code is still refused, and this node's buckets still counted it.
            LOG.warning(LogLine.of("wrong_code_not_shared", "error", LogLine.error(e)));
            return Future.succeededFuture();
          });
        }
      }
    }

    /**
     * {@link #tryCode} for a caller that decides on the code itself: fails with {@link TooManyWrongCodes}
     * when it has to wait, else succeeds once a wrong code is in the shared count (answer after this).
     */
    public Future<Void> check(boolean right) {
      try {
        tryCode(right);
      } catch (TooManyWrongCodes wait) {
        return Future.failedFuture(wait);
      }
      return counted;
    }

    /** The outcome, once a wrong code tried is in the shared count: answer after this, not before. */
    public <T> Future<T> answer(AsyncResult<T> outcome) {
      return counted.transform(v -> outcome.succeeded()
          ? Future.succeededFuture(outcome.result())
          : Future.failedFuture(outcome.cause()));
    }
  }

  private static void take(Buckets buckets, String key, long nowNanos) {
    if (buckets != null) {
      buckets.take(key, nowNanos);
    }
  }

  private static long nanosToWait(Buckets buckets, String key, long nowNanos) {
    return buckets == null ? 0 : buckets.nanosUntilToken(key, nowNanos);
  }
}
