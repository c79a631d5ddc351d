package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.JoinAttempts;

import static nl.intervision.panel.transport.http.MeetingApi.fail;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Permissions;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.room.Rooms;

/**
 * What an invitation link leads to, before joining: the meeting's title and who chairs it, so someone
 * knows where they are about to enter (docs/PROTOCOL.md 2.9). Only for the right join code, and a
 * wrong one counts like a wrong code at joining, in the same buckets, so this is no cheaper way to guess.
 */
final class Invitations {
  private final Rooms rooms;
  private final Config config;
  private final JoinAttempts joinAttempts;

  Invitations(Rooms rooms, Config config, JoinAttempts joinAttempts) {
    this.rooms = rooms;
    this.config = config;
    this.joinAttempts = joinAttempts;
  }

  void invitation(RoutingContext ctx) {
    JsonObject body = MeetingApi.body(ctx);
    if (body == null) {
      return;
    }
    String code = MeetingApi.requiredString(ctx, body, "joinCode");
    if (code == null) {
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
        boolean right = Permissions.joinCodeMatches(state, code);
        asked.result().check(right).onComplete(checked -> {
          if (checked.failed()) {
            MeetingApi.failWith(ctx, checked.cause());
          } else if (!right) {
            fail(ctx, ErrorCode.FORBIDDEN, Refusal.WRONG_JOIN_CODE, "the join code is not right");
          } else if (state.status() == MeetingState.Status.ENDED) {
            fail(ctx, ErrorCode.NOT_FOUND, Refusal.MEETING_ENDED, "the meeting has ended");
          } else {
            describe(ctx, state);
          }
        });
      });
    });
  }

  private static void describe(RoutingContext ctx, MeetingState state) {
    String chairName = state.participant(state.chairId()).map(Participant::name).orElse(null);
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(new JsonObject()
            .put("title", state.title())
            .put("chairName", chairName)
            .put("locale", RecordCodec.wireName(state.locale()))
            .put("method", state.agenda().methodName().in(state.locale()))
            .put("participants", state.participants().size())
            .encode());
  }
}
