package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.JoinAttempts;

import static nl.intervision.panel.transport.http.MeetingApi.fail;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.entry.Seat;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.room.Rooms;

/**
 * One person's seat opened on another device: a short-lived device code for the seat's owner, and the
 * claim that trades it for a meeting token of the same participant (docs/PROTOCOL.md 2.7 and 2.8).
 */
final class DeviceLinks {
  private final Rooms rooms;
  private final Tokens tokens;
  private final Config config;
  private final LongSupplier clock;
  private final JoinAttempts joinAttempts;

  /** @param joinAttempts the same buckets as wrong join codes, so alternating the two does not double a guesser's budget */
  DeviceLinks(Rooms rooms, Tokens tokens, Config config, LongSupplier clock, JoinAttempts joinAttempts) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.config = config;
    this.clock = clock;
    this.joinAttempts = joinAttempts;
  }

  /**
   * A code for the caller's own seat on another device (a phone next to the laptop): the same participant,
   * so they count once. Short-lived, and shown only to its owner; the page turns it into a link and a QR code.
   */
  void devices(RoutingContext ctx) {
    Identity identity = MeetingApi.bearer(ctx, tokens);
    if (identity == null) {
      return;
    }
    MeetingApi.withState(rooms, ctx, ctx.pathParam("meetingId"), state -> {
      if (!seatStillThere(ctx, state, identity.participantId())) {
        return;
      }
      Tokens.DeviceCode code = tokens.issueDeviceCode(identity, Instant.ofEpochMilli(clock.getAsLong()),
          config.deviceLinkLifetime());
      ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("deviceCode", code.code()).put("expiresAt", code.expiresAt().toEpochMilli()).encode());
    });
  }

  /**
   * Trades a device code for a meeting token of the same participant. Failed codes count like wrong join
   * codes (the same limits, so switching between the two does not double a guesser's budget), through
   * {@link JoinAttempts} as for joins.
   */
  void claimDevice(RoutingContext ctx) {
    JsonObject body = MeetingApi.body(ctx);
    if (body == null) {
      return;
    }
    String deviceCode = MeetingApi.requiredString(ctx, body, "deviceCode");
    if (deviceCode == null) {
      return;
    }
    String meetingId = ctx.pathParam("meetingId");
    String address = ClientAddress.of(ctx.request(), config.trustedProxies());
    joinAttempts.attempt(address, meetingId).onComplete(asked -> {
      if (asked.failed()) {
        MeetingApi.failWith(ctx, asked.cause());
        return;
      }
      MeetingApi.withState(rooms, ctx, meetingId, state -> {
        Claim claim = Claim.of(tokens, deviceCode, meetingId);
        asked.result().check(claim.refusal() == null).onComplete(checked -> {
          if (checked.failed()) {
            MeetingApi.failWith(ctx, checked.cause());
          } else if (claim.refusal() != null) {
            fail(ctx, ErrorCode.UNAUTHORIZED, claim.refusal(), claim.message());
          } else if (seatStillThere(ctx, state, claim.seat().participantId())) {
            seatOnThisDevice(ctx, state, claim.seat());
          }
        });
      });
    });
  }

  /** What a device code says: the seat, or why it is refused (which counts as a wrong code). */
  private record Claim(Identity seat, Refusal refusal, String message) {
    static Claim of(Tokens tokens, String deviceCode, String meetingId) {
      try {
        Identity seat = tokens.verifyDeviceCode(deviceCode);
        return seat.meetingId().equals(meetingId) ? new Claim(seat, null, null)
            : new Claim(null, Refusal.DEVICE_LINK_INVALID, "this device link is for another meeting");
      } catch (InvalidToken e) {
        return new Claim(null, e.expired() ? Refusal.DEVICE_LINK_EXPIRED : Refusal.DEVICE_LINK_INVALID, e.getMessage());
      }
    }
  }

  private void seatOnThisDevice(RoutingContext ctx, MeetingState state, Identity seat) {
    String meetingId = seat.meetingId();
    Role role = state.participant(seat.participantId()).orElseThrow().role();
    String token = tokens.issue(meetingId, seat.participantId(), RecordCodec.wireName(role),
        Instant.ofEpochMilli(clock.getAsLong()), seat.expiresAt());
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(MeetingApi.seat(new Seat(meetingId, seat.participantId(), role, token)).encode());
  }

  /** As the socket sees it: the meeting must still be running, and the person still in it. */
  private static boolean seatStillThere(RoutingContext ctx, MeetingState state, String participantId) {
    if (state.status() == MeetingState.Status.ENDED) {
      fail(ctx, ErrorCode.NOT_FOUND, Refusal.MEETING_ENDED, "the meeting has ended");
      return false;
    }
    if (state.participant(participantId).isEmpty()) {
      fail(ctx, ErrorCode.UNAUTHORIZED, Refusal.NOT_IN_MEETING, "you are no longer in this meeting");
      return false;
    }
    return true;
  }

}
