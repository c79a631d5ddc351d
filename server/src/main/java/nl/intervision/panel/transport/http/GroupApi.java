package nl.intervision.panel.transport.http;

import static nl.intervision.panel.transport.http.MeetingApi.body;
import static nl.intervision.panel.transport.http.MeetingApi.fail;
import static nl.intervision.panel.transport.http.MeetingApi.failWith;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.LongSupplier;
import nl.intervision.panel.Config;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.entry.Ids;
import nl.intervision.panel.entry.MeetingEntry;
import nl.intervision.panel.group.CarriedPoint;
import nl.intervision.panel.group.GroupActor;
import nl.intervision.panel.group.GroupCommand;
import nl.intervision.panel.group.GroupEvent;
import nl.intervision.panel.group.GroupPermissions;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.group.LearningPoint;
import nl.intervision.panel.group.MemberRole;
import nl.intervision.panel.groups.AccountKeys;
import nl.intervision.panel.groups.GroupJson;
import nl.intervision.panel.groups.GroupMeetingRunner;
import nl.intervision.panel.groups.GroupService;
import nl.intervision.panel.groups.RegisterPage;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.JoinAttempts;

/**
 * The REST side of intervision groups (docs/PROTOCOL.md 2.10): parses, checks the group token, asks the
 * group service, answers. Who may do what is the group domain's ({@link GroupPermissions}), and what a
 * reader sees is {@link GroupView}'s.
 */
final class GroupApi {
  private final GroupService groups;
  private final GroupMeetingRunner meetings;
  private final MeetingEntry entry;
  private final Tokens tokens;
  private final Config config;
  private final JoinAttempts joinAttempts;
  private final LongSupplier clock;
  private final Ids ids = new Ids();
  private final GroupAccess access;

  private final PlatformProofs proofs;
  private final AccountKeys accountKeys;

  GroupApi(GroupService groups, GroupMeetingRunner meetings, MeetingEntry entry, Tokens tokens, Config config,
      JoinAttempts joinAttempts, PlatformProofs proofs, AccountKeys accountKeys, LongSupplier clock) {
    this.proofs = proofs;
    this.accountKeys = accountKeys;
    this.groups = groups;
    this.meetings = meetings;
    this.entry = entry;
    this.tokens = tokens;
    this.config = config;
    this.joinAttempts = joinAttempts;
    this.clock = clock;
    this.access = new GroupAccess(tokens, clock);
  }

  void routes(io.vertx.ext.web.Router router) {
    GroupDevices devices = new GroupDevices(groups, access, tokens, config, joinAttempts, clock);
    GroupSignIns signIns = new GroupSignIns(groups, access, proofs, accountKeys);
    router.post("/api/groups").handler(this::create);
    router.post("/api/groups/:groupId/members").handler(this::join);
    router.post("/api/groups/:groupId/devices").handler(devices::device);
    router.post("/api/groups/:groupId/devices/claim").handler(devices::claimDevice);
    router.put("/api/groups/:groupId/accounts/:platform").handler(signIns::link);
    router.delete("/api/groups/:groupId/accounts/:platform").handler(signIns::unlink);
    router.post("/api/platform/:platform/groups").handler(signIns::groupsOf);
    router.get("/api/groups/:groupId").handler(this::get);
    router.delete("/api/groups/:groupId").handler(this::erase);
    router.patch("/api/groups/:groupId").handler(this::updateSettings);
    router.delete("/api/groups/:groupId/carry-over").handler(this::eraseCarryOver);
    router.post("/api/groups/:groupId/members/:memberId/role").handler(this::setRole);
    router.delete("/api/groups/:groupId/members/:memberId").handler(this::removeMember);
    router.post("/api/groups/:groupId/meetings").handler(this::startMeeting);
    router.post("/api/groups/:groupId/meetings/:meetingId/seat").handler(this::seat);
    router.post("/api/groups/:groupId/meetings/:meetingId/end").handler(this::endMeeting);
    router.post("/api/groups/:groupId/cases").handler(this::queueCase);
    router.delete("/api/groups/:groupId/cases/:caseId").handler(this::withdrawCase);
    router.post("/api/groups/:groupId/action-points/:pointId").handler(this::markActionPoint);
    router.post("/api/groups/:groupId/learning-points").handler(this::writeLearningPoint);
    router.patch("/api/groups/:groupId/learning-points/:pointId").handler(this::changeLearningPoint);
    router.delete("/api/groups/:groupId/learning-points/:pointId").handler(this::deleteLearningPoint);
    router.get("/api/groups/:groupId/register.csv").handler(this::registerCsv);
    router.get("/api/groups/:groupId/register.html").handler(this::registerPage);
    router.post("/api/groups/:groupId/register/:meetingId/:memberId").handler(this::correctAttendance);
  }

  void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    RequestFields in = new RequestFields(body);
    String methodId = in.optionalString("method");
    Integer minutes = in.optionalInt("usualMinutes");
    Language language = in.optionalEnum("language", Language.class);
    MemberRole role = in.optionalEnum("role", MemberRole.class);
    String name = in.optionalString("name");
    String creatorName = in.optionalString("creatorName");
    if (in.refused(ctx)) {
      return;
    }
    if (entry.method(methodId).isEmpty()) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.UNKNOWN_METHOD, Rejected.params("method", methodId),
          "unknown method '" + methodId + "'; GET /api/methods lists them");
      return;
    }
    String groupId = "g-" + groups.newId();
    String joinCode = ids.joinCode();
    GroupCommand create = new GroupCommand.CreateGroup(name, language, entry.method(methodId).orElseThrow().id(), minutes,
        creatorName, role, joinCode);
    groups.change(groupId, GroupActor.NEWCOMER, create).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
        return;
      }
      GroupState group = done.result().state();
      String memberId = group.members().get(0).id();
      GroupAccess.created(ctx, new JsonObject().put("groupId", group.id()).put("memberId", memberId)
          .put("role", RecordCodec.wireName(group.members().get(0).role()))
          .put("joinCode", group.joinCode()).put("joinUrl", joinUrl(group))
          .put("token", access.token(group.id(), memberId)));
    });
  }

  void join(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) {
      return;
    }
    String groupId = ctx.pathParam("groupId");
    String code = MeetingApi.requiredString(ctx, body, "joinCode");
    if (code == null) {
      return;
    }
    String name = body.getValue("name") instanceof String s ? s : null;
    String address = ClientAddress.of(ctx.request(), config.trustedProxies());
    joinAttempts.attempt(address, groupId).compose(attempt -> groups.load(groupId).compose(loaded -> {
      if (!loaded.state().exists()) {
        return Future.failedFuture(Rejected.notFound(Refusal.GROUP_NOT_FOUND, "no such group"));
      }
      // The limits first; the domain then refuses a wrong code itself.
      return attempt.check(GroupPermissions.joinCodeMatches(loaded.state(), code))
          .compose(counted -> groups.change(groupId, GroupActor.NEWCOMER, new GroupCommand.JoinGroup(code, name)));
    })).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
        return;
      }
      String memberId = done.result().events().stream()
          .filter(e -> e instanceof GroupEvent.MemberJoined).map(e -> ((GroupEvent.MemberJoined) e).member().id())
          .findFirst().orElseThrow();
      GroupAccess.created(ctx, new JsonObject().put("groupId", groupId).put("memberId", memberId).put("role", "member")
          .put("token", access.token(groupId, memberId)));
    });
  }

  void get(RoutingContext ctx) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    meetings.current(ctx.pathParam("groupId")).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
        return;
      }
      GroupState group = done.result();
      GroupView view;
      try {
        view = GroupView.of(group, me);
      } catch (Rejected refused) {
        failWith(ctx, refused);
        return;
      }
      // A fresh token with every visit: a member who opens the page now and then stays signed in.
      GroupAccess.ok(ctx, GroupJson.view(view, joinUrl(group)).put("token", access.token(group.id(), me)));
    });
  }

  void startMeeting(RoutingContext ctx) {
    String me = access.member(ctx);
    JsonObject body = me == null ? null : body(ctx);
    if (body == null) {
      return;
    }
    RequestFields in = new RequestFields(body);
    String chairId = in.optionalString("chairId");
    List<String> caseIds = in.optionalStrings("caseIds");
    if (in.refused(ctx)) {
      return;
    }
    meetings.startNext(ctx.pathParam("groupId"), me, chairId, caseIds).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
      } else {
        GroupAccess.created(ctx, GroupJson.meeting(done.result().meeting(), done.result().cases()));
      }
    });
  }

  void seat(RoutingContext ctx) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    meetings.seat(ctx.pathParam("groupId"), me, ctx.pathParam("meetingId")).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
      } else {
        GroupAccess.created(ctx, MeetingApi.seat(done.result()));
      }
    });
  }

  /** A group meeting whose panel meetings were never ended (or never held) is closed by its chair or a steward. */
  void endMeeting(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.EndGroupMeeting(ctx.pathParam("meetingId")), changed -> new JsonObject(), 200);
  }

  /** Name, language, method or usual length; what is left out stays as it is. */
  void updateSettings(RoutingContext ctx) {
    String me = access.member(ctx);
    JsonObject body = me == null ? null : body(ctx);
    if (body == null) {
      return;
    }
    RequestFields in = new RequestFields(body);
    String methodId = in.optionalString("method");
    GroupCommand update = new GroupCommand.UpdateSettings(in.optionalString("name"),
        in.optionalEnum("language", Language.class), methodId, in.optionalInt("usualMinutes"));
    if (in.refused(ctx)) {
      return;
    }
    if (methodId != null && entry.method(methodId).isEmpty()) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.UNKNOWN_METHOD, Rejected.params("method", methodId),
          "unknown method '" + methodId + "'; GET /api/methods lists them");
      return;
    }
    answer(ctx, groups.change(ctx.pathParam("groupId"), GroupActor.member(me), update), changed -> new JsonObject(), 200);
  }

  /** A steward names a facilitator (or makes one a plain member again). */
  void setRole(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.SetMemberRole(ctx.pathParam("memberId"), in.optionalEnum("role", MemberRole.class)),
        changed -> new JsonObject(), 200);
  }

  /** Action points, learning points and the register; the group, its members and its meetings' dates stay. */
  void eraseCarryOver(RoutingContext ctx) {
    changeWithout(ctx, new GroupCommand.EraseCarryOver());
  }

  void queueCase(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.QueueCase(in.optionalString("title"), in.optionalString("note"),
        Boolean.TRUE.equals(in.optionalBoolean("urgent"))), changed -> new JsonObject().put("id",
        changed.events().stream().filter(e -> e instanceof GroupEvent.CaseQueued)
            .map(e -> ((GroupEvent.CaseQueued) e).queuedCase().id()).findFirst().orElse(null)), 201);
  }

  void withdrawCase(RoutingContext ctx) {
    changeWithout(ctx, new GroupCommand.WithdrawCase(ctx.pathParam("caseId")));
  }

  void markActionPoint(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.MarkActionPoint(ctx.pathParam("pointId"),
        in.optionalEnum("status", CarriedPoint.Status.class)), changed -> new JsonObject(), 200);
  }

  void writeLearningPoint(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.WriteLearningPoint(in.optionalString("text"),
        in.optionalEnum("sharing", LearningPoint.Sharing.class)), changed -> new JsonObject().put("id",
        changed.events().stream().filter(e -> e instanceof GroupEvent.LearningPointWritten)
            .map(e -> ((GroupEvent.LearningPointWritten) e).learningPoint().id()).findFirst().orElse(null)), 201);
  }

  /** A learning point's sharing, or a note of progress on it: one change per call. */
  void changeLearningPoint(RoutingContext ctx) {
    String pointId = ctx.pathParam("pointId");
    changeWith(ctx, in -> {
      String note = in.optionalString("note");
      LearningPoint.Sharing sharing = in.optionalEnum("sharing", LearningPoint.Sharing.class);
      return note != null ? new GroupCommand.NoteOnLearningPoint(pointId, note)
          : new GroupCommand.ShareLearningPoint(pointId, sharing);
    }, changed -> new JsonObject(), 200);
  }

  void deleteLearningPoint(RoutingContext ctx) {
    changeWithout(ctx, new GroupCommand.DeleteLearningPoint(ctx.pathParam("pointId")));
  }

  void correctAttendance(RoutingContext ctx) {
    changeWith(ctx, in -> new GroupCommand.CorrectAttendance(ctx.pathParam("meetingId"), ctx.pathParam("memberId"),
        in.optionalInt("minutes")), changed -> new JsonObject(), 200);
  }

  void removeMember(RoutingContext ctx) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    String whom = ctx.pathParam("memberId");
    GroupCommand command = whom.equals(me) ? new GroupCommand.LeaveGroup() : new GroupCommand.RemoveMember(whom);
    answer(ctx, groups.change(ctx.pathParam("groupId"), GroupActor.member(me), command), changed -> null, 204);
  }

  /** The group and everything of it: its register, what carried over, and every meeting it held. */
  void erase(RoutingContext ctx) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    String groupId = ctx.pathParam("groupId");
    Future<Void> erased = meetings.current(groupId).compose(before -> {
      if (before.exists() && before.openMeeting().isPresent()) {
        // Its meetings would carry on without a group; they are ended first, by their chair.
        return Future.failedFuture(Rejected.conflict(Refusal.GROUP_MEETING_OPEN,
            "a meeting of this group is still going on; end it first"));
      }
      List<String> held = GroupService.meetingIds(before);
      return groups.change(groupId, GroupActor.member(me), new GroupCommand.EraseGroup())
          .compose(changed -> meetings.eraseMeetings(held));
    });
    answer(ctx, erased, v -> null, 204);
  }

  void registerCsv(RoutingContext ctx) {
    register(ctx, (group, view) -> {
      String csv = view.register().csv(group.language());
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").putHeader("Cache-Control", "no-store")
          .putHeader("Content-Disposition", "attachment; filename=\"" + RegisterPage.fileName(group) + ".csv\"")
          // A byte-order mark, so that spreadsheet programs read the names' accents right.
          .end("\uFEFF" + csv);
    });
  }

  void registerPage(RoutingContext ctx) {
    register(ctx, (group, view) -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(RegisterPage.html(view, group.language(), config.publicUrl())));
  }

  private void register(RoutingContext ctx, java.util.function.BiConsumer<GroupState, GroupView> then) {
    String me = access.member(ctx);
    if (me == null) {
      return;
    }
    meetings.current(ctx.pathParam("groupId")).onComplete(done -> {
      if (done.failed()) {
        failWith(ctx, done.cause());
        return;
      }
      try {
        then.accept(done.result(), GroupView.of(done.result(), me));
      } catch (Rejected refused) {
        failWith(ctx, refused);
      }
    });
  }

  private void changeWithout(RoutingContext ctx, GroupCommand command) {
    String me = access.member(ctx);
    if (me != null) {
      answer(ctx, groups.change(ctx.pathParam("groupId"), GroupActor.member(me), command), changed -> null, 204);
    }
  }

  private void changeWith(RoutingContext ctx, java.util.function.Function<RequestFields, GroupCommand> command,
      java.util.function.Function<GroupService.Changed, JsonObject> reply, int status) {
    String me = access.member(ctx);
    JsonObject body = me == null ? null : body(ctx);
    if (body == null) {
      return;
    }
    RequestFields in = new RequestFields(body);
    GroupCommand asked = command.apply(in);
    if (in.refused(ctx)) {
      return;
    }
    answer(ctx, groups.change(ctx.pathParam("groupId"), GroupActor.member(me), asked), reply, status);
  }

  static <T> void answer(RoutingContext ctx, Future<T> done, java.util.function.Function<T, JsonObject> reply,
      int status) {
    done.onComplete(result -> {
      if (result.failed()) {
        failWith(ctx, result.cause());
      } else if (status == 204) {
        ctx.response().setStatusCode(204).end();
      } else {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store").end(reply.apply(result.result()).encode());
      }
    });
  }

  private String joinUrl(GroupState group) {
    return config.publicUrl() + "/#/group-join/" + group.id() + "/" + group.joinCode();
  }
}
