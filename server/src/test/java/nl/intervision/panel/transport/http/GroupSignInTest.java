package nl.intervision.panel.transport.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's platform sign-in linked to their seat in a group: on a device that never held the group's
 * token, the platform's word alone brings them back as themselves, and nobody else.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class GroupSignInTest {
  LiveServer server;
  Api api;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, LiveServer.config("JITSI_APP_ID", "our-app", "JITSI_SECRET", PlatformSignInTest.JITSI_SECRET))
        .onComplete(ctx.succeeding(started -> {
          server = started;
          api = started.api;
          ctx.completeNow();
        }));
  }

  record Member(String id, String token) {}

  record Group(String id, String joinCode, Member creator) {}

  static String proof(String user) {
    return new JsonObject().put("token", PlatformSignInTest.jitsi("some-room", user, false)).encode();
  }

  Future<Group> createGroup() {
    return api.call(POST, "/api/groups", null, new JsonObject().put("name", "Griffiers").put("creatorName", "Anna")
        .encode()).map(r -> {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          return new Group(r.json().getString("groupId"), r.json().getString("joinCode"),
              new Member(r.json().getString("memberId"), r.json().getString("token")));
        });
  }

  Future<Member> join(Group group, String name) {
    return api.call(POST, "/api/groups/" + group.id() + "/members", null,
        new JsonObject().put("joinCode", group.joinCode()).put("name", name).encode()).map(r -> {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          return new Member(r.json().getString("memberId"), r.json().getString("token"));
        });
  }

  /** What a new device inside Jitsi learns from the person's sign-in alone. */
  Future<JsonArray> groupsOf(String user) {
    return api.call(POST, "/api/platform/jitsi/groups", null, proof(user)).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.json().getJsonArray("groups");
    });
  }

  @Test
  void aLinkedSignInBringsTheMemberBackToTheirOwnSeatOnANewDeviceAndShowsNobodyElseTheLink(VertxTestContext ctx) {
    createGroup().compose(group -> join(group, "Bert").compose(bert -> {
      String accounts = "/api/groups/" + group.id() + "/accounts/jitsi";
      return groupsOf("jitsi-bert").compose(before -> {
        ctx.verify(() -> assertThat(before).isEmpty());
        return api.call(PUT, accounts, bert.token(), proof("jitsi-bert"));
      }).compose(linked -> {
        ctx.verify(() -> {
          assertThat(linked.status()).as(linked.body()).isEqualTo(200);
          assertThat(linked.json().getJsonArray("linkedPlatforms")).containsExactly("jitsi");
        });
        return groupsOf("jitsi-bert");
      }).compose(found -> {
        ctx.verify(() -> {
          assertThat(found).hasSize(1);
          JsonObject seat = found.getJsonObject(0);
          assertThat(seat.getString("groupId")).isEqualTo(group.id());
          assertThat(seat.getString("name")).isEqualTo("Griffiers");
          assertThat(seat.getString("memberId")).isEqualTo(bert.id());
          assertThat(seat.getString("role")).isEqualTo("member");
        });
        // The token the new device got opens Bert's own view of the group.
        return api.call(GET, "/api/groups/" + group.id(), found.getJsonObject(0).getString("token"), null);
      }).compose(asBert -> {
        ctx.verify(() -> {
          assertThat(asBert.status()).as(asBert.body()).isEqualTo(200);
          assertThat(asBert.json().getJsonObject("me").getString("memberId")).isEqualTo(bert.id());
          assertThat(asBert.json().getJsonObject("me").getJsonArray("linkedPlatforms")).containsExactly("jitsi");
        });
        return api.call(GET, "/api/groups/" + group.id(), group.creator().token(), null);
      }).compose(asAnna -> {
        ctx.verify(() -> {
          assertThat(asAnna.json().getJsonObject("me").getJsonArray("linkedPlatforms")).isEmpty();
          assertThat(asAnna.body()).doesNotContain("jitsi-bert").doesNotContain("\"accounts\"");
        });
        return groupsOf("jitsi-someone-else");
      }).map(stranger -> ctx.verify(() -> assertThat(stranger).isEmpty()));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aSignInLinkedToOneMemberIsRefusedToAnotherAndBadProofsLinkNothing(VertxTestContext ctx) {
    createGroup().compose(group -> join(group, "Bert").compose(bert -> join(group, "Carla").compose(carla -> {
      String accounts = "/api/groups/" + group.id() + "/accounts/";
      return api.call(PUT, accounts + "jitsi", bert.token(), proof("shared-laptop")).compose(linked -> {
        ctx.verify(() -> assertThat(linked.status()).as(linked.body()).isEqualTo(200));
        return api.call(PUT, accounts + "jitsi", carla.token(), proof("shared-laptop"));
      }).compose(taken -> {
        ctx.verify(() -> {
          assertThat(taken.status()).as(taken.body()).isEqualTo(409);
          assertThat(taken.json().getString("reason")).isEqualTo("account-linked-elsewhere");
        });
        return api.call(PUT, accounts + "jitsi", carla.token(), new JsonObject().put("token", "not.a.jwt").encode());
      }).compose(forged -> {
        ctx.verify(() -> {
          assertThat(forged.status()).as(forged.body()).isEqualTo(401);
          assertThat(forged.json().getString("reason")).isEqualTo("platform-proof-refused");
        });
        return api.call(PUT, accounts + "teams", carla.token(), proof("carla"));
      }).compose(off -> {
        ctx.verify(() -> assertThat(off.json().getString("reason")).isEqualTo("platform-not-configured"));
        return api.call(PUT, accounts + "jitsi", null, proof("carla"));
      }).compose(noToken -> {
        ctx.verify(() -> assertThat(noToken.status()).isEqualTo(401));
        return groupsOf("shared-laptop");
      }).map(found -> ctx.verify(() -> {
        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getString("memberId")).isEqualTo(bert.id());
      }));
    }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aForgottenLinkAMemberWhoLeftAndAnErasedGroupAreFoundNoMore(VertxTestContext ctx) {
    createGroup().compose(group -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      return api.call(PUT, base + "/accounts/jitsi", bert.token(), proof("bert"))
          .compose(x -> api.call(DELETE, base + "/accounts/jitsi", bert.token(), null))
          .compose(forgot -> {
            ctx.verify(() -> {
              assertThat(forgot.status()).as(forgot.body()).isEqualTo(200);
              assertThat(forgot.json().getJsonArray("linkedPlatforms")).isEmpty();
            });
            return groupsOf("bert");
          }).compose(none -> {
            ctx.verify(() -> assertThat(none).isEmpty());
            return api.call(PUT, base + "/accounts/jitsi", bert.token(), proof("bert"));
          }).compose(x -> api.call(DELETE, base + "/members/" + bert.id(), bert.token(), null))
          .compose(left -> groupsOf("bert"))
          .compose(none -> {
            ctx.verify(() -> assertThat(none).isEmpty());
            return api.call(PUT, base + "/accounts/jitsi", group.creator().token(), proof("anna"));
          }).compose(x -> api.call(DELETE, base, group.creator().token(), null))
          .compose(erased -> {
            ctx.verify(() -> assertThat(erased.status()).as(erased.body()).isIn(200, 204));
            return groupsOf("anna");
          }).map(none -> ctx.verify(() -> assertThat(none).isEmpty()));
    })).onComplete(ctx.succeedingThenComplete());
  }
}
