package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.LearningPoint.Note;
import nl.intervision.panel.group.LearningPoint.Sharing;
import org.junit.jupiter.api.Test;

/** Each member writes their own learning points: private unless shared, and gone when they leave. */
class LearningPointsTest {
  static final long NOW = JAN_2026 + 10 * DAY;

  static LearningPoint lp(String id, String owner, Sharing sharing) {
    return new LearningPoint(id, owner, "Learning " + id, sharing, NOW, List.of());
  }

  static List<String> seenBy(List<GroupEvent> history, String viewer) {
    return GroupView.of(given(history).state(), viewer).learningPoints().stream().map(LearningPoint::id).toList();
  }

  @Test
  void aLearningPointIsPrivateUnlessItsOwnerSaysOtherwise() {
    given(created()).at(NOW).when(BERT, new WriteLearningPoint("  Say no sooner  ", null))
        .then(new LearningPointWritten(new LearningPoint("lp-1", BERT, "Say no sooner", Sharing.PRIVATE, NOW,
            List.of())));
  }

  @Test
  void othersReadOnlyWhatTheSharingAllows() {
    List<GroupEvent> history = createdAnd(new LearningPointWritten(lp("lp-private", BERT, Sharing.PRIVATE)),
        new LearningPointWritten(lp("lp-facilitator", BERT, Sharing.FACILITATOR)),
        new LearningPointWritten(lp("lp-group", BERT, Sharing.GROUP)),
        new LearningPointWritten(lp("lp-carla", CARLA, Sharing.PRIVATE)));

    assertThat(seenBy(history, BERT)).containsExactly("lp-private", "lp-facilitator", "lp-group");
    assertThat(seenBy(history, FEMKE)).containsExactly("lp-facilitator", "lp-group");
    assertThat(seenBy(history, CARLA)).containsExactly("lp-group", "lp-carla");
    assertThat(seenBy(history, ANNA)).containsExactly("lp-group");
  }

  @Test
  void sharingCanBeTakenBack() {
    List<GroupEvent> history = createdAnd(new LearningPointWritten(lp("lp-1", BERT, Sharing.GROUP)));
    GroupState state = given(history).when(BERT, new ShareLearningPoint("lp-1", Sharing.PRIVATE)).thenState();
    assertThat(GroupView.of(state, CARLA).learningPoints()).isEmpty();
    given(history).when(BERT, new ShareLearningPoint("lp-1", Sharing.GROUP)).then();
  }

  @Test
  void notesMakeAShortHistoryAcrossMeetings() {
    List<GroupEvent> history = createdAnd(new LearningPointWritten(lp("lp-1", BERT, Sharing.PRIVATE)));
    given(history).at(NOW + DAY).when(BERT, new NoteOnLearningPoint("lp-1", "Tried it once"))
        .then(new LearningPointNoted("lp-1", new Note(null, NOW + DAY, "Tried it once")));
    given(history, started("gm-2", NOW + 30 * DAY, ANNA)).at(NOW + 30 * DAY + MINUTE)
        .when(BERT, new NoteOnLearningPoint("lp-1", "Easier now"))
        .then(new LearningPointNoted("lp-1", new Note("gm-2", NOW + 30 * DAY + MINUTE, "Easier now")));
  }

  @Test
  void aMemberWhoLeavesTakesTheirLearningPointsAlong() {
    List<GroupEvent> history = createdAnd(new LearningPointWritten(lp("lp-bert", BERT, Sharing.GROUP)),
        new LearningPointWritten(lp("lp-anna", ANNA, Sharing.GROUP)),
        new LearningPointWritten(lp("lp-bert-2", BERT, Sharing.PRIVATE)));

    GroupState left = given(history).when(BERT, new LeaveGroup()).thenState();
    GroupState removed = given(history).when(ANNA, new RemoveMember(BERT)).thenState();

    assertThat(left.learningPoints()).extracting(LearningPoint::id).containsExactly("lp-anna");
    assertThat(removed.learningPoints()).extracting(LearningPoint::id).containsExactly("lp-anna");
    assertThat(left.members()).filteredOn(m -> m.id().equals(BERT)).extracting(Member::leftAt).doesNotContainNull();
  }

  @Test
  void onlyItsOwnerChangesOrDeletesALearningPoint() {
    List<GroupEvent> history = createdAnd(new LearningPointWritten(lp("lp-shared", BERT, Sharing.GROUP)),
        new LearningPointWritten(lp("lp-private", BERT, Sharing.PRIVATE)));

    given(history).when(BERT, new DeleteLearningPoint("lp-shared")).then(new LearningPointDeleted("lp-shared"));
    given(history).when(CARLA, new DeleteLearningPoint("lp-shared")).thenRefused(Refusal.LEARNING_POINT_OWNER_ONLY);
    given(history).when(FEMKE, new NoteOnLearningPoint("lp-shared", "Well done"))
        .thenRefused(Refusal.LEARNING_POINT_OWNER_ONLY);
    // A private one of someone else does not exist for the asker, as if it never was.
    given(history).when(CARLA, new DeleteLearningPoint("lp-private")).thenRefused(Refusal.LEARNING_POINT_NOT_FOUND);
    given(history).when(CARLA, new DeleteLearningPoint("lp-nothing")).thenRefused(Refusal.LEARNING_POINT_NOT_FOUND);
  }

  @Test
  void aMemberHasAtMostFiftyLearningPoints() {
    List<GroupEvent> history = new ArrayList<>(created());
    for (int i = 0; i < GroupLimits.LEARNING_POINTS_PER_MEMBER; i++) {
      history.add(new LearningPointWritten(lp("lp-" + i, BERT, Sharing.PRIVATE)));
    }
    given(history).when(BERT, new WriteLearningPoint("one more", null)).thenRefused(Refusal.LEARNING_POINTS_FULL);
    given(history).when(CARLA, new WriteLearningPoint("my first", null)).events();
  }
}
