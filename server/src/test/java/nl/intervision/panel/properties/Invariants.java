package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.Limits;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Role;

/** What is true of every meeting, whatever was done to it, and that every member can be shown it and no more. */
final class Invariants {
  private Invariants() {}

  static void hold(MeetingState s) {
    if (s.status() == MeetingState.Status.NEW) {
      assertThat(s).isEqualTo(MeetingState.NEW);
      return;
    }
    List<String> people = s.participants().stream().map(Participant::id).toList();
    assertThat(people).as("participants").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(Limits.PARTICIPANTS);
    assertThat(s.participants().stream().filter(p -> p.role() == Role.CHAIR)).as("chairs").hasSize(1);
    assertThat(s.phaseIndex()).as("phase index").isBetween(0, s.agenda().lastIndex());
    assertThat(s.cards().stream().map(Card::id)).as("card ids").doesNotHaveDuplicates();
    assertThat(s.cards()).as("cards").hasSizeLessThanOrEqualTo(Limits.CARDS_PER_MEETING);
    assertThat(s.cards().stream().filter(Card::key)).as("key questions").hasSizeLessThanOrEqualTo(1);
    for (Card card : s.cards()) {
      assertThat(card.voters()).as("voters of " + card.id()).doesNotHaveDuplicates().isSubsetOf(people);
      assertThat(card.text()).as("text of " + card.id()).isNotBlank();
    }
    List<String> speakers = s.speakers();
    if (s.speaking().current() != null) {
      assertThat(speakers).as("speakers").contains(s.speaking().current());
    }
    assertThat(s.speaking().queue()).as("queue").doesNotHaveDuplicates().isSubsetOf(speakers)
        .doesNotContain(s.speaking().current());
    assertThat(s.done()).as("done").doesNotHaveDuplicates().isSubsetOf(people);
    if (s.caseBringerId() != null) {
      assertThat(people).as("participants").contains(s.caseBringerId());
    }
    if (s.backupChairId() != null) {
      assertThat(people).as("participants").contains(s.backupChairId());
      assertThat(s.backupChairId()).as("backup chair").isNotEqualTo(s.chairId());
    }
    if (s.learningQuestionId() != null) {
      assertThat(s.card(s.learningQuestionId())).as("learning question").isPresent();
    }
  }

  /**
   * Every member can be sent the state, the batch, a resume and the summary, and none of it tells them
   * what is not theirs to know ({@link Told}).
   */
  static void showable(Told told, Recorded batch, MeetingState before, MeetingState after) {
    told.applied(batch, before, after);
  }
}
