package nl.intervision.panel.groups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.group.GroupMeeting;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.group.Member;
import nl.intervision.panel.group.QueuedCase;
import nl.intervision.panel.group.Register;
import nl.intervision.panel.protocol.RecordCodec;

/**
 * A group on the wire (docs/PROTOCOL.md 2.10). Written out by hand rather than derived from the
 * domain's records: the page and other clients rely on these names, which must not change when the
 * domain's records do. What the reader may see was decided by {@link GroupView}; this only spells it.
 */
public final class GroupJson {
  private GroupJson() {}

  public static JsonObject view(GroupView view, String joinUrl) {
    Map<String, String> names = new HashMap<>();
    view.members().forEach(m -> names.put(m.id(), m.name()));
    view.register().rows().forEach(r -> names.putIfAbsent(r.memberId(), r.name()));
    Map<String, QueuedCase> cases = new HashMap<>();
    view.caseQueue().forEach(c -> cases.put(c.id(), c));

    JsonArray members = new JsonArray();
    for (Member m : view.members()) {
      members.add(new JsonObject().put("id", m.id()).put("name", m.name()).put("role", RecordCodec.wireName(m.role()))
          .put("joinedAt", m.joinedAt()));
    }
    JsonArray meetings = new JsonArray();
    view.meetings().reversed().forEach(m -> meetings.add(meeting(m, cases)));
    JsonArray queue = new JsonArray();
    view.caseQueue().stream().filter(QueuedCase::queued).forEach(c -> queue.add(queuedCase(c)));
    JsonArray points = new JsonArray();
    view.actionPoints().stream().filter(p -> p.status().comesBack()).forEach(p -> points.add(
        with(with(new JsonObject().put("id", p.id()).put("text", p.text()), "ownerId", p.ownerId()),
            "ownerName", p.ownerId() == null ? null : names.get(p.ownerId()))
            .put("status", RecordCodec.wireName(p.status())).put("fromMeetingId", p.fromMeetingId())));
    JsonArray learning = new JsonArray();
    view.learningPoints().forEach(p -> learning.add(RecordCodec.toJson(p)));

    GroupView.Me me = view.me();
    return new JsonObject()
        .put("groupId", view.id())
        .put("name", view.name())
        .put("language", RecordCodec.wireName(view.language()))
        .put("methodId", view.methodId())
        .put("usualMinutes", view.usualMinutes())
        .put("me", new JsonObject().put("memberId", me.memberId()).put("name", me.name())
            .put("role", RecordCodec.wireName(me.role())).put("mayManage", me.steward())
            .put("seesWholeRegister", me.wholeRegister())
            .put("linkedPlatforms", new JsonArray(List.copyOf(me.linkedPlatforms()))))
        .put("joinCode", view.joinCode())
        .put("joinUrl", joinUrl)
        .put("members", members)
        .put("suggestedChairId", view.suggestedChair())
        .put("meetings", meetings)
        .put("caseQueue", queue)
        .put("actionPoints", points)
        .put("learningPoints", learning)
        .put("register", register(view.register()));
  }

  public static JsonObject meeting(GroupMeeting meeting, Map<String, QueuedCase> cases) {
    JsonArray rounds = new JsonArray();
    for (GroupMeeting.CaseRound round : meeting.cases()) {
      JsonObject json = new JsonObject().put("meetingId", round.meetingId());
      QueuedCase picked = round.queuedCaseId() == null ? null : cases.get(round.queuedCaseId());
      with(json, "caseId", round.queuedCaseId());
      with(json, "title", picked == null ? null : picked.title());
      with(json, "caseBringerId", round.caseBringerId() != null ? round.caseBringerId()
          : picked == null ? null : picked.memberId());
      with(json, "endedAt", round.outcomeAt());
      rounds.add(json);
    }
    JsonObject json = new JsonObject().put("id", meeting.id()).put("startedAt", meeting.startedAt())
        .put("chairId", meeting.chairId()).put("cases", rounds);
    return with(json, "endedAt", meeting.endedAt());
  }

  private static JsonObject queuedCase(QueuedCase c) {
    return new JsonObject().put("id", c.id()).put("memberId", c.memberId()).put("title", c.title())
        .put("note", c.note() == null ? "" : c.note()).put("urgent", c.urgent()).put("queuedAt", c.queuedAt());
  }

  private static JsonObject register(Register register) {
    JsonArray rows = new JsonArray();
    for (Register.Row row : register.rows()) {
      rows.add(with(new JsonObject().put("meetingId", row.groupMeetingId()).put("date", row.date())
          .put("memberId", row.memberId()).put("name", row.name()).put("minutes", row.minutes()),
          "correctedMinutes", row.correctedMinutes()));
    }
    JsonArray totals = new JsonArray();
    for (Register.Total total : register.totals()) {
      totals.add(new JsonObject().put("memberId", total.memberId()).put("name", total.name())
          .put("year", total.year()).put("meetings", total.meetings()).put("minutes", total.minutes()));
    }
    return new JsonObject().put("rows", rows).put("totals", totals);
  }

  private static JsonObject with(JsonObject json, String field, Object value) {
    return value == null ? json : json.put(field, value);
  }
}
