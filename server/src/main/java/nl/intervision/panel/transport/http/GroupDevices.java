package nl.intervision.panel.transport.http;

import static nl.intervision.panel.transport.http.MeetingApi.body;
import static nl.intervision.panel.transport.http.MeetingApi.fail;
import static nl.intervision.panel.transport.http.MeetingApi.failWith;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.LongSupplier;
import nl.intervision.panel.Config;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.groups.GroupService;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.JoinAttempts;

/**
 * A member's seat in their group opened on another device (docs/PROTOCOL.md 2.10): a short-lived code for
 * the member, and the claim that trades it for a group token of the same member. A refused code counts
 * like a wrong join code.
 */
final class GroupDevices {
  private final GroupService groups;
  private final GroupAccess access;
  private final Tokens tokens;
  private final Config config;
  private final JoinAttempts joinAttempts;
  private final LongSupplier clock;

  GroupDevices(GroupService groups, GroupAccess access, Tokens tokens, Config config, JoinAttempts joinAttempts,
      LongSupplier clock) {
    this.groups = groups;
    this.access = access;
    this.tokens = tokens;
    this.config = config;
    this.joinAttempts = joinAttempts;
    this.clock = clock;
  }

  /** A short-lived code for the caller's own seat in the group on another device; shown only to them. */
  void device(RoutingContext ctx) {
    access.currentMember(ctx, groups, (groupId, me) -> {
      Tokens.DeviceCode code = tokens.issueGroupDeviceCode(new Tokens.GroupMember(groupId, me),
          Instant.ofEpochMilli(clock.getAsLong()), config.deviceLinkLifetime());
      GroupAccess.created(ctx, new JsonObject().put("deviceCode", code.code()).put("expiresAt", code.expiresAt().toEpochMilli()));
    });
  }

  /**
   * Trades a group device code for a group token of the same member. A refused code counts like a wrong
   * join code, through {@link JoinAttempts} as for joins.
   */
  void claimDevice(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    String deviceCode = MeetingApi.requiredString(ctx, body, "deviceCode");
    if (deviceCode == null) {
      return;
    }
    String groupId = ctx.pathParam("groupId");
    String address = ClientAddress.of(ctx.request(), config.trustedProxies());
    joinAttempts.attempt(address, groupId).onComplete(asked -> {
      if (asked.failed()) {
        failWith(ctx, asked.cause());
        return;
      }
      groups.load(groupId).onComplete(loaded -> {
        if (loaded.failed()) {
          failWith(ctx, loaded.cause());
          return;
        }
        GroupState group = loaded.result().state();
        if (!group.exists()) {
          failWith(ctx, Rejected.notFound(Refusal.GROUP_NOT_FOUND, "no such group"));
          return;
        }
        Claim claim = Claim.of(tokens, deviceCode, groupId);
        asked.result().check(claim.refusal() == null).onComplete(checked -> {
          if (checked.failed()) {
            failWith(ctx, checked.cause());
          } else if (claim.refusal() != null) {
            fail(ctx, ErrorCode.UNAUTHORIZED, claim.refusal(), claim.message());
          } else {
            memberOnThisDevice(ctx, group, claim.who().memberId());
          }
        });
      });
    });
  }

  /** What a group device code says: the member, or why it is refused (which counts as a wrong code). */
  private record Claim(Tokens.GroupMember who, Refusal refusal, String message) {
    static Claim of(Tokens tokens, String deviceCode, String groupId) {
      try {
        Tokens.GroupMember who = tokens.verifyGroupDeviceCode(deviceCode);
        return who.groupId().equals(groupId) ? new Claim(who, null, null)
            : new Claim(null, Refusal.DEVICE_LINK_INVALID, "this device link is for another group");
      } catch (InvalidToken e) {
        return new Claim(null, e.expired() ? Refusal.DEVICE_LINK_EXPIRED : Refusal.DEVICE_LINK_INVALID, e.getMessage());
      }
    }
  }

  private void memberOnThisDevice(RoutingContext ctx, GroupState group, String memberId) {
    try {
      GroupView.of(group, memberId);
    } catch (Rejected refused) {
      failWith(ctx, refused);
      return;
    }
    String role = RecordCodec.wireName(group.currentMember(memberId).orElseThrow().role());
    GroupAccess.ok(ctx, new JsonObject().put("groupId", group.id()).put("memberId", memberId).put("role", role)
        .put("token", access.token(group.id(), memberId)));
  }
}
