package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.GroupMeeting.CaseRound;

/**
 * A group to state rules against: Anna started it, Bert, Carla and Dirk joined in that order, and Femke
 * is their facilitator (begeleider).
 */
final class TheGroup {
  private TheGroup() {}

  static final String ANNA = "m-anna";
  static final String BERT = "m-bert";
  static final String CARLA = "m-carla";
  static final String DIRK = "m-dirk";
  static final String FEMKE = "m-femke";
  static final String CODE = "WXYZ-2345";

  static final long DAY = 24L * 60 * 60 * 1000;
  static final long MINUTE = 60_000;
  /** 2026-01-01T00:00:00Z. */
  static final long JAN_2026 = 1_767_225_600_000L;

  static List<GroupEvent> created() {
    return List.of(
        new GroupCreated("g-1", "Griffiers Noord", Language.NL, "incident", 180, CODE,
            new Member(ANNA, "Anna", MemberRole.MEMBER, JAN_2026, null), JAN_2026),
        new MemberJoined(new Member(BERT, "Bert", MemberRole.MEMBER, JAN_2026 + 1, null)),
        new MemberJoined(new Member(CARLA, "Carla", MemberRole.MEMBER, JAN_2026 + 2, null)),
        new MemberJoined(new Member(DIRK, "Dirk", MemberRole.MEMBER, JAN_2026 + 3, null)),
        new MemberJoined(new Member(FEMKE, "Femke", MemberRole.FACILITATOR, JAN_2026 + 4, null)));
  }

  static List<GroupEvent> createdAnd(GroupEvent... more) {
    List<GroupEvent> events = new ArrayList<>(created());
    events.addAll(Arrays.asList(more));
    return events;
  }

  /** Group meeting {@code id}, one case run as panel meeting "pm-{id}". */
  static GroupMeetingStarted started(String id, long at, String chairId) {
    return new GroupMeetingStarted(new GroupMeeting(id, at, null, chairId,
        List.of(new CaseRound(null, null, "pm-" + id, null))));
  }

  static GroupMeetingEnded ended(String id, long at) {
    return new GroupMeetingEnded(id, at);
  }

  /** Meeting {@code id} at {@code at}, chaired by {@code chairId}, over within three hours. */
  static List<GroupEvent> held(String id, long at, String chairId) {
    return List.of(started(id, at, chairId), ended(id, at + 180 * MINUTE));
  }

  static CarriedPoint point(String id, String owner, String fromMeetingId, CarriedPoint.Status status) {
    return new CarriedPoint(id, "Point " + id, owner, fromMeetingId, status, null, null);
  }
}
