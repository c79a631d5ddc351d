package nl.intervision.panel.transport.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import nl.intervision.panel.auth.platform.PlatformIdentity;
import nl.intervision.panel.group.GroupActor;
import nl.intervision.panel.group.GroupCommand;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.Member;
import nl.intervision.panel.groups.AccountKeys;
import nl.intervision.panel.groups.GroupService;
import nl.intervision.panel.protocol.RecordCodec;

/**
 * A member's platform sign-in as a way to their seat in a group (docs/PROTOCOL.md 2.10): linked from a
 * device where they already are a member, forgotten again, and used on a new device inside the platform
 * to find every group that knows it, without a code.
 */
final class GroupSignIns {
  private final GroupService groups;
  private final GroupAccess access;
  private final PlatformProofs proofs;
  private final AccountKeys keys;

  GroupSignIns(GroupService groups, GroupAccess access, PlatformProofs proofs, AccountKeys keys) {
    this.groups = groups;
    this.access = access;
    this.proofs = proofs;
    this.keys = keys;
  }

  /** {@code PUT /api/groups/{groupId}/accounts/{platform}}, body: the platform's proof for the caller. */
  void link(RoutingContext ctx) {
    // The group first, as for every call with a group token: no proof is checked for a stranger.
    access.currentMember(ctx, groups, (groupId, me) -> proofs.verified(ctx, (proof, who) -> GroupApi.answer(ctx,
        groups.change(groupId, GroupActor.member(me), new GroupCommand.LinkAccount(who.platform(), key(who))),
        changed -> linked(changed.state(), me), 200)));
  }

  /** {@code DELETE /api/groups/{groupId}/accounts/{platform}}: no proof needed to forget one's own link. */
  void unlink(RoutingContext ctx) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    GroupApi.answer(ctx, groups.change(ctx.pathParam("groupId"), GroupActor.member(me),
        new GroupCommand.UnlinkAccount(ctx.pathParam("platform"))), changed -> linked(changed.state(), me), 200);
  }

  /**
   * {@code POST /api/platform/{platform}/groups}, body: the platform's proof. Every group in which the
   * person linked this sign-in, each with a fresh group token for their seat: what "remembered on this
   * device" needs on a device that never held a token.
   */
  void groupsOf(RoutingContext ctx) {
    proofs.verified(ctx, (proof, who) -> {
      String key = key(who);
      GroupApi.answer(ctx, groups.linkedTo(key), found -> {
        JsonArray list = new JsonArray();
        for (GroupState group : found) {
          group.memberWithAccount(key).ifPresent(member -> list.add(seat(group, member)));
        }
        return new JsonObject().put("groups", list);
      }, 200);
    });
  }

  private JsonObject seat(GroupState group, Member member) {
    return new JsonObject().put("groupId", group.id()).put("name", group.name()).put("memberId", member.id())
        .put("role", RecordCodec.wireName(member.role())).put("token", access.token(group.id(), member.id()));
  }

  private String key(PlatformIdentity who) {
    return keys.of(who.platform(), who.user());
  }

  private static JsonObject linked(GroupState state, String memberId) {
    return new JsonObject().put("linkedPlatforms", new JsonArray(List.copyOf(state.linkedPlatforms(memberId))));
  }
}
