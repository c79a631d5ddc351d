package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.group.Attendance;
import nl.intervision.panel.group.CarriedPoint;
import nl.intervision.panel.group.GroupMeeting;
import nl.intervision.panel.group.GroupMeeting.CaseRound;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.LearningPoint;
import nl.intervision.panel.group.LearningPoint.Note;
import nl.intervision.panel.group.LearningPoint.Sharing;
import nl.intervision.panel.group.LinkedAccount;
import nl.intervision.panel.group.Member;
import nl.intervision.panel.group.MemberRole;
import nl.intervision.panel.group.QueuedCase;
import org.junit.jupiter.api.Test;

/** The store keeps a group as JSON (JSONB): what it writes must read back as the same group. */
class GroupStateJsonTest {

  /** A group two meetings in, with something of every kind, absent values (nulls) included. */
  static GroupState rich() {
    return new GroupState("g-1", "Griffiers, \"Noord\"", Language.EN, "incident", 180, 1_767_225_600_000L, "m-anna",
        "WXYZ-2345",
        List.of(new Member("m-anna", "Anna", MemberRole.MEMBER, 1, null),
            new Member("m-femke", "Femke", MemberRole.FACILITATOR, 2, null),
            new Member("m-bert", "Bért\nde Vries", MemberRole.MEMBER, 3, 99L)),
        List.of(new GroupMeeting("gm-1", 10, 20L, "m-anna", List.of(new CaseRound("case-1", "m-bert", "pm-1", 20L))),
            new GroupMeeting("gm-2", 30, null, "m-bert",
                List.of(new CaseRound(null, null, "pm-2", null), new CaseRound("case-2", "m-anna", "pm-3", null)))),
        List.of(new QueuedCase("case-2", "m-anna", "Title", null, true, 25, QueuedCase.Status.PICKED, "gm-2"),
            new QueuedCase("case-3", "m-anna", "Other", "A note", false, 26, QueuedCase.Status.QUEUED, null)),
        List.of(new CarriedPoint("ap-1", "Call", "m-anna", "gm-1", CarriedPoint.Status.CARRIED_ON, "gm-2", 31L),
            new CarriedPoint("ap-2", "Visit", null, "gm-1", CarriedPoint.Status.OPEN, null, null),
            new CarriedPoint("ap-3", "Read", "m-anna", "gm-1", CarriedPoint.Status.NOT_DONE, null, 15L)),
        List.of(new LearningPoint("lp-1", "m-anna", "Say no 🙂", Sharing.FACILITATOR, 5,
                List.of(new Note(null, 6, "first"), new Note("gm-2", 31, "second"))),
            new LearningPoint("lp-2", "m-femke", "Listen", Sharing.PRIVATE, 7, List.of())),
        List.of(new Attendance("gm-1", "m-anna", 170, null), new Attendance("gm-1", "m-bert", 0, 180)),
        List.of(new LinkedAccount("m-anna", "teams", "k1", 40), new LinkedAccount("m-femke", "jitsi", "k2", 41)));
  }

  @Test
  void aGroupSurvivesAJsonRoundTrip() {
    GroupState state = rich();
    String stored = ((JsonObject) RecordCodec.toJson(state)).encode();

    GroupState read = RecordCodec.fromJson(GroupState.class, new JsonObject(stored));

    assertThat(read).isEqualTo(state);
  }

  @Test
  void noGroupIsStoredAsNothingAndReadBackAsNoGroup() {
    JsonObject json = (JsonObject) RecordCodec.toJson(GroupState.NONE);
    assertThat(RecordCodec.fromJson(GroupState.class, json)).isEqualTo(GroupState.NONE);
  }

  @Test
  void valuesAreStoredInTheProtocolsWordsAndAbsentOnesLeftOut() {
    JsonObject json = (JsonObject) RecordCodec.toJson(rich());

    assertThat(json.getString("language")).isEqualTo("en");
    assertThat(json.getJsonArray("members").getJsonObject(1).getString("role")).isEqualTo("facilitator");
    assertThat(json.getJsonArray("actionPoints").getJsonObject(0).getString("status")).isEqualTo("carried-on");
    assertThat(json.getJsonArray("actionPoints").getJsonObject(1).containsKey("ownerId")).isFalse();
    assertThat(json.getJsonArray("learningPoints").getJsonObject(0).getString("sharing")).isEqualTo("facilitator");
  }

  @Test
  void aListAddedInALaterVersionReadsAsEmptyFromAnOlderDocument() {
    JsonObject older = (JsonObject) RecordCodec.toJson(rich());
    older.remove("attendance");
    older.remove("accounts");
    GroupState read = RecordCodec.fromJson(GroupState.class, older);
    assertThat(read.attendance()).isEmpty();
    assertThat(read.accounts()).isEmpty();
  }
}
