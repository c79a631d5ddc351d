package nl.intervision.panel.groups;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static nl.intervision.panel.support.WsClient.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.intervision.panel.support.Api;
import nl.intervision.panel.support.LiveServer;
import nl.intervision.panel.support.WsClient;
import nl.intervision.panel.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A group over the real REST routes and WebSocket: two meetings, what carries over, and who may see what. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class GroupApiTest {
  LiveServer server;
  Api api;
  final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, Config.forTests(Map.of())).onComplete(ctx.succeeding(s -> {
      server = s;
      api = s.api;
      ctx.completeNow();
    }));
  }

  /** Someone of the group: their member id and group token. */
  record Member(String id, String token) {}

  record Group(String id, String joinCode, Member creator) {}

  Future<Group> createGroup(String name, String creator) {
    return api.call(POST, "/api/groups", null, new JsonObject().put("name", name).put("creatorName", creator)
        .put("language", "en").encode()).map(r -> {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          JsonObject json = r.json();
          return new Group(json.getString("groupId"), json.getString("joinCode"),
              new Member(json.getString("memberId"), json.getString("token")));
        });
  }

  Future<Member> join(Group group, String name) {
    return api.call(POST, "/api/groups/" + group.id() + "/members", null,
        new JsonObject().put("joinCode", group.joinCode()).put("name", name).encode()).map(r -> {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          return new Member(r.json().getString("memberId"), r.json().getString("token"));
        });
  }

  Future<JsonObject> view(Group group, Member who) {
    return api.call(GET, "/api/groups/" + group.id(), who.token(), null).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.json();
    });
  }

  String id() {
    return "c" + ids.incrementAndGet();
  }

  /** The chair of a group meeting runs it to its actions phase, writes one action point for Bert, and ends it. */
  Future<Void> runMeeting(String meetingId, Member chair, Member bert) {
    return api.call(POST, "/api/groups/x/meetings/" + meetingId + "/seat", chair.token(), "{}").compose(x ->
        Future.succeededFuture()).mapEmpty();
  }

  @Test
  void aMembersComingAndGoingIsStoredForTheRegisterButSentToNobody(VertxTestContext ctx) {
    createGroup("Raad Noord", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      Member anna = group.creator();
      String base = "/api/groups/" + group.id();
      return api.call(POST, base + "/meetings", anna.token(), "{}").compose(started -> {
        String meetingId = started.json().getJsonArray("cases").getJsonObject(0).getString("meetingId");
        return seat(base, meetingId, anna).compose(annaSeat -> seat(base, meetingId, bert).compose(bertSeat ->
            server.connected(annaSeat.getString("token")).compose(annaSocket -> annaSocket.frame("welcome")
                .compose(welcome -> {
                  long seq = welcome.getLong("seq");
                  // Bert's socket opens and closes: two batches, each with its seq, neither with an event for Anna.
                  return server.connected(bertSeat.getString("token"))
                      .compose(bertSocket -> bertSocket.frame("welcome").compose(w -> annaSocket.applied(seq + 1))
                          .compose(opened -> bertSocket.close().compose(v -> annaSocket.applied(seq + 2))
                              .map(closed -> {
                                ctx.verify(() -> {
                                  assertThat(opened.getJsonArray("events")).isEmpty();
                                  assertThat(closed.getJsonArray("events").encode()).doesNotContain("presenceRecorded");
                                  assertThat(annaSocket.everything()).noneMatch(f -> f.contains("presenceRecorded"));
                                });
                                return annaSocket;
                              })));
                }))
            .compose(annaSocket -> annaSocket.ask(id(), command("endMeeting")))));
      }).compose(ended -> view(group, anna)).map(after -> ctx.verify(() -> {
        JsonArray rows = after.getJsonObject("register").getJsonArray("rows");
        assertThat(rows).hasSize(2);
      }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aGroupRunsASecondMeetingFromTheFirstOnesOpenActionPointsWithTheChairRotatedAndDownloadsItsRegister(
      VertxTestContext ctx) {
    createGroup("Griffiers Oost", "Anna").compose(group -> join(group, "Bert").compose(bert ->
        join(group, "Cees").compose(cees -> {
          Member anna = group.creator();
          String base = "/api/groups/" + group.id();
          return view(group, anna).compose(before -> {
            ctx.verify(() -> {
              assertThat(before.getJsonArray("members")).hasSize(3);
              assertThat(before.getString("suggestedChairId")).isEqualTo(anna.id());
              assertThat(before.getString("joinCode")).isEqualTo(group.joinCode());
            });
            return api.call(POST, base + "/cases", cees.token(),
                new JsonObject().put("title", "A council member who mails at night").put("note", "").put("urgent", true)
                    .encode());
          }).compose(queued -> {
            ctx.verify(() -> assertThat(queued.status()).as(queued.body()).isEqualTo(201));
            return api.call(POST, base + "/learning-points", bert.token(),
                new JsonObject().put("text", "Ask before I advise").encode());
          }).compose(learning -> {
            ctx.verify(() -> assertThat(learning.status()).as(learning.body()).isEqualTo(201));
            return api.call(POST, base + "/meetings", bert.token(), new JsonObject().put("chairId", anna.id()).encode());
          }).compose(first -> {
            ctx.verify(() -> assertThat(first.status()).as(first.body()).isEqualTo(201));
            String meetingId = first.json().getJsonArray("cases").getJsonObject(0).getString("meetingId");
            return seat(base, meetingId, anna).compose(chairSeat -> seat(base, meetingId, bert).compose(bertSeat ->
                server.connected(chairSeat.getString("token")).compose(chair -> chair.frame("welcome").compose(welcome -> {
                  ctx.verify(() -> {
                    JsonObject state = welcome.getJsonObject("state");
                    assertThat(state.getString("groupId")).isEqualTo(group.id());
                    assertThat(state.containsKey("carried")).isFalse();
                    assertThat(chairSeat.getString("participantId")).isEqualTo(anna.id());
                    assertThat(chairSeat.getString("role")).isEqualTo("chair");
                    assertThat(bertSeat.getString("participantId")).isEqualTo(bert.id());
                  });
                  return toActions(chair);
                }).compose(v -> chair.ask(id(), command("addCard").put("kind", "action-point").put("text", "Call Kim")
                    .put("ownerId", bert.id())))
                  .compose(v -> chair.ask(id(), command("endMeeting"))))));
          }).compose(v -> view(group, anna)).compose(afterFirst -> {
            ctx.verify(() -> {
              assertThat(afterFirst.getJsonArray("meetings").getJsonObject(0).containsKey("endedAt")).isTrue();
              JsonArray points = afterFirst.getJsonArray("actionPoints");
              assertThat(points).hasSize(1);
              assertThat(points.getJsonObject(0).getMap()).containsEntry("text", "Call Kim")
                  .containsEntry("ownerId", bert.id()).containsEntry("ownerName", "Bert").containsEntry("status", "open");
              // Anna chaired; Bert and Cees never did: the first of them who joined is suggested.
              assertThat(afterFirst.getString("suggestedChairId")).isEqualTo(bert.id());
              assertThat(afterFirst.getJsonObject("register").getJsonArray("rows")).hasSize(2);
            });
            String caseId = afterFirst.getJsonArray("caseQueue").getJsonObject(0).getString("id");
            return api.call(POST, base + "/meetings", cees.token(),
                new JsonObject().put("caseIds", new JsonArray().add(caseId)).encode());
          }).compose(second -> {
            ctx.verify(() -> assertThat(second.status()).as(second.body()).isEqualTo(201));
            JsonObject round = second.json().getJsonArray("cases").getJsonObject(0);
            ctx.verify(() -> assertThat(second.json().getString("chairId")).isEqualTo(bert.id()));
            return seat(base, round.getString("meetingId"), bert).compose(seat -> server.connected(seat.getString("token")))
                .compose(chair -> chair.frame("welcome").compose(welcome -> {
                  JsonArray carried = welcome.getJsonObject("state").getJsonArray("carried");
                  ctx.verify(() -> {
                    assertThat(welcome.getJsonObject("state").getString("title"))
                        .isEqualTo("Griffiers Oost · A council member who mails at night");
                    assertThat(carried).hasSize(1);
                    assertThat(carried.getJsonObject(0).getMap()).containsEntry("text", "Call Kim")
                        .containsEntry("ownerName", "Bert").containsEntry("status", "open");
                    assertThat(welcome.getJsonObject("state").containsKey("caseBringerId")).isFalse();
                  });
                  return chair.ask(id(), command("markCarriedPoint").put("pointId", carried.getJsonObject(0).getString("id"))
                      .put("status", "done"));
                })
                // Cees put the case forward: sitting down makes him its case-bringer, for everyone.
                .compose(v -> seat(base, round.getString("meetingId"), cees))
                .compose(ceesSeat -> server.connected(ceesSeat.getString("token")))
                .compose(ceesSocket -> ceesSocket.frame("welcome"))
                .map(ceesWelcome -> ctx.verify(() -> assertThat(ceesWelcome.getJsonObject("state").getString("caseBringerId"))
                    .isEqualTo(cees.id())))
                .compose(v -> chair.ask(id(), command("endMeeting"))));
          }).compose(v -> view(group, anna)).compose(afterSecond -> {
            ctx.verify(() -> {
              assertThat(afterSecond.getJsonArray("actionPoints")).isEmpty();
              assertThat(afterSecond.getJsonArray("meetings")).hasSize(2);
              assertThat(afterSecond.getJsonArray("caseQueue")).isEmpty();
            });
            return api.call(GET, base + "/register.csv", bert.token(), null);
          }).map(csv -> ctx.verify(() -> {
            assertThat(csv.status()).isEqualTo(200);
            // Bert chaired the latest meeting: he keeps the group's register, two meetings for him.
            assertThat(csv.body()).contains("Group,Name,Year,Date,Minutes,Hours").contains("Anna").contains("Bert");
            assertThat(csv.body().lines().filter(l -> l.contains(",Bert,")).count()).isEqualTo(3);
          }));
        }))).onComplete(ctx.succeedingThenComplete());
  }

  Future<JsonObject> seat(String base, String meetingId, Member who) {
    return api.call(POST, base + "/meetings/" + meetingId + "/seat", who.token(), "{}").map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      return r.json();
    });
  }

  /** From the check-in to the closing's action points, choosing the one learning question on the way. */
  Future<Void> toActions(WsClient chair) {
    return chair.toLearningQuestions()
        .compose(c -> chair.ask(id(), command("addCard").put("text", "How do I say no?")))
        .compose(ack -> chair.frame(f -> "applied".equals(f.getString("type")) && f.getJsonObject("changes") != null
            && f.getJsonObject("changes").getJsonArray("cards") != null))
        .compose(frame -> chair.ask(id(), command("chooseLearningQuestion").put("cardId",
            frame.getJsonObject("changes").getJsonArray("cards").getJsonObject(0).getString("id"))))
        .compose(v -> advance(chair, 2, 10));
  }

  Future<Void> advance(WsClient chair, int from, int to) {
    Future<?> steps = Future.succeededFuture();
    for (int i = from; i < to; i++) {
      int phase = i;
      steps = steps.compose(v -> chair.ask(id(), command("advancePhase").put("fromPhase", phase)));
    }
    return steps.mapEmpty();
  }

  @Test
  void learningPointsReachWhomTheirOwnerSharesThemWith(VertxTestContext ctx) {
    createGroup("Docenten", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      return api.call(POST, base + "/learning-points", bert.token(), new JsonObject().put("text", "Mine alone").encode())
          .compose(r -> api.call(POST, base + "/learning-points", bert.token(),
              new JsonObject().put("text", "For all of us").put("sharing", "group").encode()))
          .compose(r -> Future.all(view(group, group.creator()), view(group, bert)))
          .map(both -> ctx.verify(() -> {
            JsonObject annas = both.resultAt(0);
            JsonObject berts = both.resultAt(1);
            assertThat(annas.getJsonArray("learningPoints").encode()).contains("For all of us").doesNotContain("Mine alone");
            assertThat(berts.getJsonArray("learningPoints").encode()).contains("For all of us").contains("Mine alone");
          }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void strangersOtherGroupsAndRemovedMembersAreRefusedAndChangeNothing(VertxTestContext ctx) {
    createGroup("A", "Anna").compose(a -> createGroup("B", "Bob").compose(b -> join(a, "Bert").compose(bert -> join(a, "Cees")
        .compose(cees -> {
          String base = "/api/groups/" + a.id();
          return Future.all(List.of(
                  api.call(GET, base, b.creator().token(), null),
                  api.call(GET, base, null, null),
                  api.call(POST, "/api/groups/" + a.id() + "/members", null,
                      new JsonObject().put("joinCode", "WRON-GCOD").put("name", "Eve").encode()),
                  api.call(POST, "/api/groups/g-nothing/members", null,
                      new JsonObject().put("joinCode", a.joinCode()).put("name", "Eve").encode()),
                  api.call(DELETE, base + "/members/" + cees.id(), bert.token(), null)))
              .compose(refusals -> {
                ctx.verify(() -> {
                  List<Api.Response> r = refusals.list();
                  assertThat(r).extracting(Api.Response::status).containsExactly(403, 401, 403, 404, 403);
                  assertThat(r.get(0).json().getString("reason")).isEqualTo("not-a-group-member");
                  assertThat(r.get(2).json().getString("reason")).isEqualTo("wrong-join-code");
                });
                return api.call(DELETE, base + "/members/" + cees.id(), a.creator().token(), null);
              })
              .compose(removed -> {
                ctx.verify(() -> assertThat(removed.status()).isEqualTo(204));
                return Future.all(api.call(GET, base, cees.token(), null),
                    api.call(POST, base + "/cases", cees.token(), new JsonObject().put("title", "late").encode()));
              })
              .compose(after -> {
                ctx.verify(() -> {
                  assertThat(((Api.Response) after.resultAt(0)).status()).isEqualTo(403);
                  assertThat(((Api.Response) after.resultAt(1)).status()).isEqualTo(403);
                });
                return view(a, a.creator());
              })
              .map(view -> ctx.verify(() -> {
                assertThat(view.getJsonArray("members")).hasSize(2);
                assertThat(view.getJsonArray("caseQueue")).isEmpty();
              }));
        })))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void badInputIsRefusedWithAClearReason(VertxTestContext ctx) {
    createGroup("C", "Anna").compose(group -> {
      String base = "/api/groups/" + group.id();
      String token = group.creator().token();
      return Future.all(List.of(
          api.call(POST, "/api/groups", null, new JsonObject().put("name", "x").encode()),
          api.call(POST, "/api/groups", null, new JsonObject().put("name", "x").put("creatorName", "y")
              .put("language", "fr").encode()),
          api.call(POST, base + "/cases", token, new JsonObject().put("title", "t".repeat(500)).encode()),
          api.call(PATCH, base + "/learning-points/lp-none", token, new JsonObject().put("sharing", "group").encode()),
          api.call(POST, base + "/meetings", token, new JsonObject().put("caseIds", "nope").encode())));
    }).map(all -> ctx.verify(() -> {
      List<Api.Response> r = all.list();
      assertThat(r).extracting(Api.Response::status).containsExactly(400, 400, 413, 404, 400);
      r.forEach(resp -> assertThat(resp.json().getString("reason")).isNotBlank());
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void theChairCorrectsAttendanceAndErasingTheGroupErasesItsMeetingsToo(VertxTestContext ctx) {
    createGroup("E", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      Member anna = group.creator();
      String base = "/api/groups/" + group.id();
      String[] meeting = new String[2];
      return api.call(POST, base + "/meetings", anna.token(), "{}").compose(started -> {
        meeting[0] = started.json().getString("id");
        meeting[1] = started.json().getJsonArray("cases").getJsonObject(0).getString("meetingId");
        return seat(base, meeting[1], anna);
      }).compose(chairSeat -> seat(base, meeting[1], bert).compose(b -> server.connected(chairSeat.getString("token")))
          .compose(chair -> api.call(DELETE, base, anna.token(), null).compose(early -> {
            ctx.verify(() -> assertThat(early.status()).as("a meeting still runs").isEqualTo(409));
            return chair.ask(id(), command("endMeeting"));
          })).map(chairSeat))
        .compose(chairSeat -> Future.all(List.of(
            api.call(POST, base + "/register/" + meeting[0] + "/" + anna.id(), bert.token(),
                new JsonObject().put("minutes", 999).encode()),
            api.call(POST, base + "/register/" + meeting[0] + "/" + bert.id(), anna.token(),
                new JsonObject().put("minutes", 150).encode())))
          .compose(corrections -> {
            ctx.verify(() -> assertThat(corrections.<Api.Response>list()).extracting(Api.Response::status)
                .containsExactly(403, 200));
            return view(group, bert);
          }).compose(berts -> {
            ctx.verify(() -> {
              JsonArray rows = berts.getJsonObject("register").getJsonArray("rows");
              assertThat(rows).hasSize(1);
              assertThat(rows.getJsonObject(0).getInteger("correctedMinutes")).isEqualTo(150);
              assertThat(berts.getJsonObject("register").getJsonArray("totals").getJsonObject(0).getInteger("minutes"))
                  .isEqualTo(150);
            });
            return api.call(DELETE, base, anna.token(), null);
          }).compose(erased -> {
            ctx.verify(() -> assertThat(erased.status()).isEqualTo(204));
            return Future.all(api.call(GET, base, anna.token(), null),
                api.get("/api/meetings/" + meeting[1] + "/summary", chairSeat.getString("token")));
          }))
        .map(after -> ctx.verify(() -> {
          assertThat(((Api.Response) after.resultAt(0)).status()).isEqualTo(404);
          assertThat(((Api.Response) after.resultAt(1)).status()).isEqualTo(404);
        }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aMemberOpensTheirSeatOnAnotherDeviceWithAShortLivedCodeAndNoOneElseCan(VertxTestContext ctx) {
    createGroup("F", "Anna").compose(group -> createGroup("G", "Gijs").compose(other -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      return Future.all(api.call(POST, base + "/devices", bert.token(), "{}"),
              api.call(POST, "/api/groups/" + other.id() + "/devices", other.creator().token(), "{}"))
          .compose(codes -> {
            String berts = ((Api.Response) codes.resultAt(0)).json().getString("deviceCode");
            String theirs = ((Api.Response) codes.resultAt(1)).json().getString("deviceCode");
            return Future.all(List.of(
                api.call(POST, base + "/devices/claim", null, new JsonObject().put("deviceCode", berts).encode()),
                api.call(POST, base + "/devices/claim", null, new JsonObject().put("deviceCode", theirs).encode()),
                api.call(POST, base + "/devices/claim", null, new JsonObject().put("deviceCode", bert.token()).encode()),
                api.call(POST, base + "/devices/claim", null, "{}")));
          })
          .map(claims -> ctx.verify(() -> {
            List<Api.Response> r = claims.list();
            assertThat(r).extracting(Api.Response::status).containsExactly(200, 401, 401, 400);
            assertThat(r.get(0).json().getString("memberId")).isEqualTo(bert.id());
            assertThat(r.get(1).json().getString("reason")).isEqualTo("device-link-invalid");
          }))
          .compose(v -> api.call(POST, base + "/devices", bert.token(), "{}"))
          .compose(code -> api.call(DELETE, base + "/members/" + bert.id(), group.creator().token(), null)
              .compose(removed -> api.call(POST, base + "/devices/claim", null,
                  new JsonObject().put("deviceCode", code.json().getString("deviceCode")).encode())))
          .map(afterRemoval -> ctx.verify(() -> assertThat(afterRemoval.status()).isEqualTo(403)));
    }))).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void stewardsChangeTheSettingsNameAFacilitatorAndEraseWhatCarriedOverAndPlainMembersCannot(VertxTestContext ctx) {
    createGroup("H", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      String anna = group.creator().token();
      return api.call(POST, base + "/learning-points", bert.token(), new JsonObject().put("text", "Listen longer").encode())
          .compose(v -> Future.all(List.of(
              api.call(PATCH, base, bert.token(), new JsonObject().put("name", "Mine now").encode()),
              api.call(PATCH, base, anna, new JsonObject().put("method", "no-such-method").encode()),
              api.call(PATCH, base, anna, new JsonObject().put("name", "H renamed").put("usualMinutes", 150).encode()),
              api.call(POST, base + "/members/" + bert.id() + "/role", anna,
                  new JsonObject().put("role", "facilitator").encode()))))
          .compose(answers -> {
            ctx.verify(() -> assertThat(answers.<Api.Response>list()).extracting(Api.Response::status)
                .containsExactly(403, 400, 200, 200));
            return api.call(DELETE, base + "/carry-over", bert.token(), null);
          })
          .compose(erased -> {
            // Bert is a facilitator now, so he may.
            ctx.verify(() -> assertThat(erased.status()).isEqualTo(204));
            return view(group, bert);
          })
          .map(view -> ctx.verify(() -> {
            assertThat(view.getString("name")).isEqualTo("H renamed");
            assertThat(view.getInteger("usualMinutes")).isEqualTo(150);
            assertThat(view.getJsonObject("me").getString("role")).isEqualTo("facilitator");
            assertThat(view.getJsonArray("learningPoints")).isEmpty();
          }));
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aLearningPointGetsNotesChangesWhoSeesItAndGoesOnlyByItsOwnersHand(VertxTestContext ctx) {
    createGroup("L", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      String anna = group.creator().token();
      return api.call(POST, base + "/learning-points", bert.token(), new JsonObject().put("text", "Summarise first").encode())
          .compose(written -> {
            String point = base + "/learning-points/" + written.json().getString("id");
            return Future.all(List.of(
                    api.call(PATCH, point, bert.token(), new JsonObject().put("note", "Did it twice").encode()),
                    api.call(PATCH, point, anna, new JsonObject().put("sharing", "group").encode()),
                    api.call(DELETE, point, anna, null)))
                .compose(first -> {
                  ctx.verify(() -> assertThat(first.<Api.Response>list()).extracting(Api.Response::status)
                      // Anna cannot find Bert's private point at all, so she cannot share or delete it either.
                      .containsExactly(200, 404, 404));
                  return view(group, group.creator());
                })
                .compose(annasBefore -> {
                  ctx.verify(() -> assertThat(annasBefore.getJsonArray("learningPoints")).isEmpty());
                  return api.call(PATCH, point, bert.token(), new JsonObject().put("sharing", "group").encode());
                })
                .compose(shared -> view(group, group.creator()))
                .compose(annasAfter -> {
                  ctx.verify(() -> {
                    JsonObject seen = annasAfter.getJsonArray("learningPoints").getJsonObject(0);
                    assertThat(seen.getString("text")).isEqualTo("Summarise first");
                    assertThat(seen.getJsonArray("notes").getJsonObject(0).getString("text")).isEqualTo("Did it twice");
                  });
                  return api.call(DELETE, point, bert.token(), null);
                })
                .compose(deleted -> {
                  ctx.verify(() -> assertThat(deleted.status()).isEqualTo(204));
                  return view(group, bert);
                })
                .map(berts -> ctx.verify(() -> assertThat(berts.getJsonArray("learningPoints")).isEmpty()));
          });
    })).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void aGroupMeetingNobodyEndedIsEndedByItsChairAndTheNextOneCanStart(VertxTestContext ctx) {
    createGroup("M", "Anna").compose(group -> join(group, "Bert").compose(bert -> {
      String base = "/api/groups/" + group.id();
      String anna = group.creator().token();
      return api.call(POST, base + "/meetings", anna, "{}").compose(started -> {
        String id = started.json().getString("id");
        return api.call(POST, base + "/meetings", bert.token(), "{}").compose(tooSoon -> {
          ctx.verify(() -> {
            assertThat(tooSoon.status()).isEqualTo(409);
            assertThat(tooSoon.json().getString("reason")).isEqualTo("group-meeting-open");
          });
          return api.call(POST, base + "/meetings/" + id + "/end", bert.token(), "{}");
        }).compose(notTheChair -> {
          ctx.verify(() -> assertThat(notTheChair.status()).isEqualTo(403));
          return api.call(POST, base + "/meetings/" + id + "/end", anna, "{}");
        });
      }).compose(ended -> {
        ctx.verify(() -> assertThat(ended.status()).as(ended.body()).isEqualTo(200));
        return api.call(POST, base + "/meetings", bert.token(), "{}");
      }).map(next -> ctx.verify(() -> assertThat(next.status()).as(next.body()).isEqualTo(201)));
    })).onComplete(ctx.succeedingThenComplete());
  }
}
