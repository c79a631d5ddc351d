package nl.intervision.panel.transport.http;

import static nl.intervision.panel.transport.http.MeetingApi.fail;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.groups.GroupService;
import nl.intervision.panel.protocol.ErrorCode;

/**
 * Who a group call is from: the group token in the Authorization header, for the path's group. Its
 * membership is the group's to check ({@link nl.intervision.panel.group.GroupView}); this only reads the token.
 */
final class GroupAccess {
  private final Tokens tokens;
  private final LongSupplier clock;

  GroupAccess(Tokens tokens, LongSupplier clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The member the group token names, for this path's group; null once refused. */
  String member(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    Tokens.GroupMember who;
    try {
      if (header == null || !header.startsWith("Bearer ")) {
        throw new InvalidToken("missing");
      }
      who = tokens.verifyGroup(header.substring("Bearer ".length()).strip());
    } catch (InvalidToken e) {
      fail(ctx, ErrorCode.UNAUTHORIZED, Refusal.TOKEN_INVALID,
          "send a valid group token as 'Authorization: Bearer <token>'");
      return null;
    }
    if (!who.groupId().equals(ctx.pathParam("groupId"))) {
      fail(ctx, ErrorCode.FORBIDDEN, Refusal.NOT_A_GROUP_MEMBER, "this token belongs to another group");
      return null;
    }
    return who.memberId();
  }

  /**
   * The member the group token names, once the group says they belong to it now: {@code then} gets the
   * path's group id and the member's id. A refusal (token, unknown group, not or no longer a member) is
   * answered here, before anything else about the request is looked at.
   */
  void currentMember(RoutingContext ctx, GroupService groups, BiConsumer<String, String> then) {
    String me = member(ctx);
    if (me == null) {
      return;
    }
    String groupId = ctx.pathParam("groupId");
    groups.load(groupId).onComplete(loaded -> {
      if (loaded.failed()) {
        MeetingApi.failWith(ctx, loaded.cause());
        return;
      }
      try {
        GroupView.of(loaded.result().state(), me);
      } catch (Rejected refused) {
        MeetingApi.failWith(ctx, refused);
        return;
      }
      then.accept(groupId, me);
    });
  }

  String token(String groupId, String memberId) {
    return tokens.issueGroup(groupId, memberId, Instant.ofEpochMilli(clock.getAsLong()));
  }

  static void created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  static void ok(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
