package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.CardAdded;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.Test;

/** A refusal names its reason and the values a person's text needs, next to the English message. */
class RefusalReasonTest {

  @Test
  void aStaleFromPhaseSaysTheMeetingMovedOnAndWhereItIsNow() {
    Rejected r = given(started(), at(0, 1)).when(CHAIR, new AdvancePhase(0)).thenRejected(Reason.CONFLICT);
    assertThat(r.refusal()).isEqualTo(Refusal.PHASE_MOVED_ON);
    assertThat(r.refusal().wire()).isEqualTo("phase-moved-on");
    assertThat(r.params()).containsExactly(entry("from", 0), entry("now", 1));
    assertThat(r.getMessage()).isEqualTo("the meeting is no longer in phase 0 but in phase 1");
  }

  @Test
  void onlyTheChairNamesTheActionByItsCommandType() {
    Rejected r = given(started()).when(ANNA, new AdvancePhase(0)).thenRejected(Reason.FORBIDDEN);
    assertThat(r.refusal()).isEqualTo(Refusal.CHAIR_ONLY);
    assertThat(r.params()).containsExactly(entry("action", "advancePhase"));
    assertThat(r.getMessage()).isEqualTo("only the chair can move to the next phase");
  }

  @Test
  void onlyTheCaseBringerRatesCards() {
    Rejected r = given(withCase()).when(BERT, new RateCard("c-lq", Card.Rating.WARM)).thenRejected(Reason.FORBIDDEN);
    assertThat(r.refusal()).isEqualTo(Refusal.CASE_BRINGER_ONLY);
    assertThat(r.params()).containsExactly(entry("action", "rateCard"));
  }

  @Test
  void aFullBoardSaysHowManyCardsFit() {
    List<Event> history = new ArrayList<>(started());
    history.add(at(0, 1));
    for (int i = 0; i < Limits.CARDS_PER_MEETING; i++) {
      history.add(new CardAdded(card("c-" + i, ANNA, "question " + i)));
    }
    Rejected r = given(history).when(BERT, new AddCard("one more", null, null)).thenRejected(Reason.CONFLICT);
    assertThat(r.refusal()).isEqualTo(Refusal.BOARD_FULL);
    assertThat(r.params()).containsExactly(entry("max", Limits.CARDS_PER_MEETING));
  }

  @Test
  void aTextTooLongSaysWhichFieldHowLongAndTheLimit() {
    String text = "x".repeat(Limits.CARD_TEXT + 1);
    Rejected r = given(started(), at(0, 1)).when(ANNA, new AddCard(text, null, null)).thenRejected(Reason.TOO_LARGE);
    assertThat(r.refusal()).isEqualTo(Refusal.TOO_LONG);
    assertThat(r.params()).containsExactly(entry("field", "text"), entry("length", Limits.CARD_TEXT + 1),
        entry("max", Limits.CARD_TEXT));
    assertThat(r.getMessage()).isEqualTo("text has 1001 characters; at most 1000 are allowed");
  }

  @Test
  void aCardOfAnotherKindNamesTheKindAndWhatThePhaseCollects() {
    Rejected r = given(started(), at(0, 1)).when(ANNA, new AddCard("do this", "advice", null))
        .thenRejected(Reason.FORBIDDEN);
    assertThat(r.refusal()).isEqualTo(Refusal.CARD_KIND_NOT_HERE);
    assertThat(r.params()).containsExactly(entry("kind", "advice"), entry("allowed", "learning-question"));
  }

  @Test
  void aWrongJoinCodeAndAnEndedMeetingHaveTheirOwnReasons() {
    assertThat(given(started()).when("p-new", new JoinMeeting("ABCD-EFGX", "Dana", Role.PARTICIPANT))
        .thenRejected(Reason.FORBIDDEN).refusal()).isEqualTo(Refusal.WRONG_JOIN_CODE);
    assertThat(given(started()).when(OLGA, new AddCard("hi", null, null)).thenRejected(Reason.FORBIDDEN).refusal())
        .isEqualTo(Refusal.OBSERVER_READ_ONLY);
  }

  @Test
  void aRefusalWithoutValuesHasNoParams() {
    Rejected r = given(started()).when(CHAIR, new NextSpeaker()).thenRejected(Reason.CONFLICT);
    assertThat(r.refusal()).isEqualTo(Refusal.NOBODY_WAITING);
    assertThat(r.params()).isEmpty();
  }

  @Test
  void wireNamesAreKebabCaseAndUnique() {
    List<String> names = new ArrayList<>();
    for (Refusal refusal : Refusal.values()) {
      assertThat(refusal.wire()).matches("[a-z]+(-[a-z]+)*");
      names.add(refusal.wire());
    }
    assertThat(names).doesNotHaveDuplicates();
  }
}
