package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.GroupCommand.CorrectAttendance;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.MeetingOutcome.Presence;
import org.junit.jupiter.api.Test;

/** Who attended which meeting and how long, per member and per year, as professionals must show it. */
class RegisterTest {
  static final long DEC_2025 = JAN_2026 - 17 * DAY;
  static final long JAN = JAN_2026 + 19 * DAY;
  static final long MAR = JAN_2026 + 59 * DAY;

  static MeetingOutcomeRecorded presence(String groupMeetingId, long at, Presence... who) {
    return new MeetingOutcomeRecorded(groupMeetingId, "pm-" + groupMeetingId, at, List.of(), List.of(),
        List.of(who));
  }

  /** Three meetings across new year; Anna chairs the first two, Dirk the last. */
  static List<GroupEvent> threeMeetings() {
    List<GroupEvent> events = new ArrayList<>(created());
    events.add(started("gm-dec", DEC_2025, ANNA));
    events.add(presence("gm-dec", DEC_2025, new Presence(ANNA, 175), new Presence(BERT, 90)));
    events.add(ended("gm-dec", DEC_2025 + 180 * MINUTE));
    events.add(started("gm-jan", JAN, ANNA));
    events.add(presence("gm-jan", JAN, new Presence(ANNA, 170), new Presence(CARLA, 180)));
    events.add(ended("gm-jan", JAN + 180 * MINUTE));
    events.add(started("gm-mar", MAR, DIRK));
    events.add(presence("gm-mar", MAR, new Presence(ANNA, 100)));
    events.add(presence("gm-mar", MAR, new Presence(ANNA, 80), new Presence(BERT, 185)));
    events.add(ended("gm-mar", MAR + 200 * MINUTE));
    return events;
  }

  @Test
  void minutesComeFromPresenceAddedUpOverBothCases() {
    Register register = Register.of(given(threeMeetings()).state(), id -> true);
    assertThat(register.rows()).extracting(Register.Row::name, Register.Row::groupMeetingId, Register.Row::counted)
        .containsExactly(tuple("Anna", "gm-dec", 175), tuple("Anna", "gm-jan", 170), tuple("Anna", "gm-mar", 180),
            tuple("Bert", "gm-dec", 90), tuple("Bert", "gm-mar", 185), tuple("Carla", "gm-jan", 180));
  }

  @Test
  void theChairsCorrectionWinsAndTheMeasuredMinutesStayVisible() {
    GroupState state = given(threeMeetings()).when(ANNA, new CorrectAttendance("gm-dec", BERT, 180)).thenState();

    Register.Row bert = Register.of(state, BERT::equals).rows().get(0);
    assertThat(bert.minutes()).isEqualTo(90);
    assertThat(bert.correctedMinutes()).isEqualTo(180);
    assertThat(bert.counted()).isEqualTo(180);
    GroupState undone = Groups.replay(state, Groups.decide(state, GroupActor.member(FEMKE),
        new CorrectAttendance("gm-dec", BERT, null), MAR, GroupGiven.counter()));
    assertThat(Register.of(undone, BERT::equals).rows().get(0).counted()).isEqualTo(90);
  }

  @Test
  void aCorrectionCanAddSomeonePresenceMissed() {
    GroupState state = given(threeMeetings()).when(DIRK, new CorrectAttendance("gm-mar", DIRK, 190)).thenState();
    assertThat(Register.of(state, DIRK::equals).rows()).extracting(Register.Row::minutes, Register.Row::counted)
        .containsExactly(tuple(0, 190));
  }

  @Test
  void onlyThatMeetingsChairOrAFacilitatorCorrects() {
    given(threeMeetings()).when(DIRK, new CorrectAttendance("gm-dec", BERT, 180))
        .thenRefused(Refusal.CHAIR_OR_STEWARD_ONLY);
    given(threeMeetings()).when(BERT, new CorrectAttendance("gm-dec", BERT, 180))
        .thenRefused(Refusal.CHAIR_OR_STEWARD_ONLY);
    given(threeMeetings()).when(FEMKE, new CorrectAttendance("gm-dec", BERT, 180)).events();
    given(threeMeetings()).when(ANNA, new CorrectAttendance("gm-dec", BERT, GroupLimits.MAX_MINUTES + 1))
        .thenRefused(Refusal.MINUTES_OUT_OF_RANGE);
  }

  @Test
  void totalsArePerMemberPerCalendarYear() {
    Register register = Register.of(given(threeMeetings()).state(), id -> true);
    assertThat(register.totals()).containsExactly(
        new Register.Total(ANNA, "Anna", 2025, 1, 175), new Register.Total(ANNA, "Anna", 2026, 2, 350),
        new Register.Total(BERT, "Bert", 2025, 1, 90), new Register.Total(BERT, "Bert", 2026, 1, 185),
        new Register.Total(CARLA, "Carla", 2026, 1, 180));
  }

  @Test
  void aPlainMemberReadsOnlyTheirOwnRows() {
    GroupState state = given(threeMeetings()).state();
    assertThat(GroupView.of(state, BERT).register().rows()).extracting(Register.Row::memberId).containsOnly(BERT);
    assertThat(GroupView.of(state, ANNA).register().rows()).extracting(Register.Row::memberId).containsOnly(ANNA);
    assertThat(GroupView.of(state, BERT).me().wholeRegister()).isFalse();
  }

  @Test
  void theFacilitatorAndTheLatestChairReadTheWholeGroupsRegister() {
    GroupState state = given(threeMeetings()).state();
    assertThat(GroupView.of(state, FEMKE).register().rows()).hasSize(6);
    assertThat(GroupView.of(state, DIRK).register().rows()).hasSize(6);
  }

  @Test
  void theCsvQuotesNamesWithACommaAQuoteOrALineBreakAndHasADutchHeader() {
    List<GroupEvent> events = new ArrayList<>(List.of(
        new GroupCreated("g-1", "Griffiers, Noord", Language.NL, "incident", 180, CODE,
            new Member("m-1", "Jansen, Piet", MemberRole.MEMBER, 0, null), 0),
        new MemberJoined(new Member("m-2", "Anna \"AJ\" de Vries", MemberRole.MEMBER, 1, null)),
        new MemberJoined(new Member("m-3", "Two\nlines", MemberRole.MEMBER, 2, null)),
        new MemberJoined(new Member("m-4", "=cmd()", MemberRole.MEMBER, 3, null)),
        started("gm-1", DEC_2025, "m-1"),
        presence("gm-1", DEC_2025, new Presence("m-1", 90), new Presence("m-2", 45), new Presence("m-3", 100),
            new Presence("m-4", 1))));

    String csv = Register.of(given(events).state(), id -> true).csv(Language.NL);

    assertThat(csv).isEqualTo("""
        Groep,Naam,Jaar,Datum,Minuten,Uren\r
        "Griffiers, Noord","Jansen, Piet",2025,2025-12-15,90,1.5\r
        "Griffiers, Noord","Jansen, Piet",2025,totaal,90,1.5\r
        "Griffiers, Noord","Anna ""AJ"" de Vries",2025,2025-12-15,45,0.8\r
        "Griffiers, Noord","Anna ""AJ"" de Vries",2025,totaal,45,0.8\r
        "Griffiers, Noord","Two
        lines",2025,2025-12-15,100,1.7\r
        "Griffiers, Noord","Two
        lines",2025,totaal,100,1.7\r
        "Griffiers, Noord",'=cmd(),2025,2025-12-15,1,0.0\r
        "Griffiers, Noord",'=cmd(),2025,totaal,1,0.0\r
        """);
  }

  @Test
  void theCsvHeaderIsInTheGroupsLanguageAndTotalsFollowEachYear() {
    String csv = Register.of(given(threeMeetings()).state(), ANNA::equals).csv(Language.EN);
    assertThat(csv.split("\r\n")).containsExactly(
        "Group,Name,Year,Date,Minutes,Hours",
        "Griffiers Noord,Anna,2025,2025-12-15,175,2.9",
        "Griffiers Noord,Anna,2025,total,175,2.9",
        "Griffiers Noord,Anna,2026,2026-01-20,170,2.8",
        "Griffiers Noord,Anna,2026,2026-03-01,180,3.0",
        "Griffiers Noord,Anna,2026,total,350,5.8");
  }
}
