package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.group.GroupCommand.StartGroupMeeting;
import nl.intervision.panel.group.GroupEvent.GroupMeetingStarted;
import nl.intervision.panel.group.GroupEvent.MemberLeft;
import org.junit.jupiter.api.Test;

/** The chair goes round: who chaired least recently is suggested, and the group may name someone else. */
class RotationTest {

  static List<GroupEvent> chairedInTurn(String... chairs) {
    List<GroupEvent> events = new ArrayList<>(created());
    for (int i = 0; i < chairs.length; i++) {
      events.addAll(held("gm-" + i, JAN_2026 + (i + 1) * 30 * DAY, chairs[i]));
    }
    return events;
  }

  @Test
  void aNewGroupSuggestsWhoJoinedFirst() {
    assertThat(Rotation.suggestedChair(given(created()).state())).isEqualTo(ANNA);
  }

  @Test
  void whoNeverChairedComesBeforeWhoDid() {
    assertThat(Rotation.suggestedChair(given(chairedInTurn(ANNA)).state())).isEqualTo(BERT);
    assertThat(Rotation.suggestedChair(given(chairedInTurn(ANNA, CARLA)).state())).isEqualTo(BERT);
  }

  @Test
  void whenEveryoneChairedWhoChairedLongestAgoIsNext() {
    assertThat(Rotation.suggestedChair(given(chairedInTurn(BERT, ANNA, DIRK, CARLA)).state())).isEqualTo(BERT);
    assertThat(Rotation.suggestedChair(given(chairedInTurn(BERT, ANNA, DIRK, CARLA, BERT)).state())).isEqualTo(ANNA);
  }

  @Test
  void onlyTheLastTimeSomeoneChairedCounts() {
    // Anna chaired twice early on, Dirk once but later: Anna's turn comes first.
    assertThat(Rotation.suggestedChair(given(chairedInTurn(ANNA, ANNA, BERT, CARLA, DIRK)).state())).isEqualTo(ANNA);
  }

  @Test
  void theFacilitatorAndWhoLeftAreSkipped() {
    List<GroupEvent> history = new ArrayList<>(chairedInTurn(ANNA, BERT));
    history.add(new MemberLeft(CARLA, false, JAN_2026 + 90 * DAY));
    // Femke never chaired, but a facilitator is not in the rotation; Carla left.
    assertThat(Rotation.suggestedChair(given(history).state())).isEqualTo(DIRK);
  }

  @Test
  void nobodyToSuggestWhenOnlyTheFacilitatorIsLeft() {
    GroupState state = given(createdAnd(new MemberLeft(ANNA, false, 1), new MemberLeft(BERT, false, 1),
        new MemberLeft(CARLA, false, 1), new MemberLeft(DIRK, false, 1))).state();
    assertThat(Rotation.suggestedChair(state)).isNull();
  }

  @Test
  void theNextMeetingTakesTheSuggestedChairUnlessTheGroupNamesAnother() {
    GroupState suggested = given(chairedInTurn(ANNA)).when(DIRK,
        new StartGroupMeeting(null, List.of(), List.of("pm-next"))).thenState();
    assertThat(suggested.openMeeting().orElseThrow().chairId()).isEqualTo(BERT);

    List<GroupEvent> named = given(chairedInTurn(ANNA)).when(DIRK,
        new StartGroupMeeting(FEMKE, List.of(), List.of("pm-next"))).events();
    assertThat(((GroupMeetingStarted) named.get(0)).meeting().chairId()).isEqualTo(FEMKE);
  }
}
