package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.Test;

/** Cards written in one phase stay on the board in the phases that work on them, with what they gathered. */
class CarriedCardsTest {

  static Phase phase(String id, Speaking speaking, List<String> cards, boolean silent, List<String> carries,
      boolean rating) {
    return new Phase(id, new Text(id + " nl", id + " en"), new Text("", ""), speaking, cards, silent, false, 5,
        carries, rating);
  }

  /** The warm/cold questions: written in silence, sorted by the case-bringer, the warm ones answered. */
  static final Agenda WARM_COLD = new Agenda("warm-cold", new Text("Warm en koud", "Warm and cold"),
      List.of(phase("learning", Speaking.ROUND, List.of("learning-question"), false, List.of(), false)),
      List.of(phase("write", Speaking.CHAIR, List.of("deepening-question"), true, List.of(), false),
          phase("sort", Speaking.CASE_BRINGER, List.of(), false, List.of("write"), true),
          phase("answer", Speaking.CASE_BRINGER, List.of(), false, List.of("write"), false),
          phase("advice", Speaking.ROUND, List.of("advice"), false, List.of("deepening-question"), false)),
      List.of());

  static Card question(String id, String author) {
    return new Card(id, "deepening-question", "write", author, "Question " + id, List.of(), 5, null, true, false, false,
        null, false, false, null);
  }

  /** Anna brings the case; Bert and the chair wrote a question each in silence, interleaved with Anna's own. */
  static List<Event> written() {
    List<Event> events = new ArrayList<>(startedWith(WARM_COLD));
    events.add(new CardAdded(card("c-lq", ANNA, "How do I say no?")));
    events.add(new LearningQuestionChosen("c-lq", ANNA));
    events.add(new PhaseChanged(0, 1, "write", 1));
    events.add(new CardAdded(question("c-1", BERT)));
    events.add(new CardAdded(question("c-2", CHAIR)));
    events.add(new CardAdded(question("c-3", BERT)));
    return events;
  }

  static List<Event> sorting() {
    List<Event> events = new ArrayList<>(written());
    events.add(new CardsRevealed("write", List.of(question("c-1", BERT).revealed(), question("c-2", CHAIR).revealed(),
        question("c-3", BERT).revealed())));
    events.add(new PhaseChanged(1, 2, "sort", 2));
    return events;
  }

  @Test
  void theSortingPhaseShowsTheQuestionsWrittenBefore() {
    MeetingState state = given(sorting()).when(ANNA, new MarkDone()).thenState();
    assertThat(state.agenda().shownIn(state.phaseIndex())).containsExactly("write", "sort");
    assertThat(state.cards()).filteredOn(state::shownHere).extracting(Card::id).containsExactly("c-1", "c-2", "c-3");
  }

  @Test
  void theCaseBringerRatesAndMarksTheKeyQuestionWhereThePhaseAsksForIt() {
    given(sorting()).when(ANNA, new RateCard("c-1", Card.Rating.WARM)).then(new CardRated("c-1", Card.Rating.WARM));
    given(sorting()).when(ANNA, new MarkKeyQuestion("c-2")).then(new KeyQuestionMarked("c-2"));
  }

  @Test
  void aPhaseThatDoesNotAskForRatingRefusesIt() {
    List<Event> answering = new ArrayList<>(sorting());
    answering.add(new PhaseChanged(2, 3, "answer", 3));
    assertThat(given(answering).when(ANNA, new RateCard("c-1", Card.Rating.COLD)).thenRejected(Reason.CONFLICT).refusal())
        .isEqualTo(Refusal.NO_RATING_HERE);
    assertThat(given(answering).when(ANNA, new MarkKeyQuestion(null)).thenRejected(Reason.CONFLICT).refusal())
        .isEqualTo(Refusal.NO_RATING_HERE);
  }

  @Test
  void onlyTheCardsThePhaseWorksOnAreRated() {
    assertThat(given(sorting()).when(ANNA, new RateCard("c-lq", Card.Rating.WARM)).thenRejected(Reason.CONFLICT).refusal())
        .isEqualTo(Refusal.CARD_NOT_ON_BOARD);
    assertThat(given(sorting()).when(ANNA, new MarkKeyQuestion("c-lq")).thenRejected(Reason.CONFLICT).refusal())
        .isEqualTo(Refusal.CARD_NOT_ON_BOARD);
  }

  @Test
  void theAnsweringPhaseShowsTheQuestionsWithTheirRatingAndKey() {
    List<Event> answering = new ArrayList<>(sorting());
    answering.add(new CardRated("c-1", Card.Rating.WARM));
    answering.add(new CardRated("c-3", Card.Rating.COLD));
    answering.add(new KeyQuestionMarked("c-1"));
    answering.add(new PhaseChanged(2, 3, "answer", 3));
    MeetingState state = given(answering).when(ANNA, new MarkAnswered("c-1", true)).thenState();
    List<Card> shown = state.cards().stream().filter(state::shownHere).toList();
    assertThat(shown).extracting(Card::id).containsExactly("c-1", "c-2", "c-3");
    assertThat(shown.get(0)).extracting(Card::rating, Card::key, Card::answered).containsExactly(Card.Rating.WARM, true, true);
    assertThat(shown.get(2).rating()).isEqualTo(Card.Rating.COLD);
  }

  @Test
  void aPhaseCarriesAKindOfCardFromEveryEarlierPhase() {
    List<Event> advising = new ArrayList<>(sorting());
    advising.add(new PhaseChanged(2, 4, "advice", 4));
    MeetingState state = given(advising).when(BERT, new MarkDone()).thenState();
    assertThat(state.agenda().shownIn(state.phaseIndex())).containsExactly("write", "advice");
  }

  @Test
  void aCarriedPhaseThatWasSkippedOrMovedLaterBringsNothing() {
    MeetingState skipped = given(startedWith(WARM_COLD)).when(CHAIR, new SkipPhase("write")).thenState();
    assertThat(skipped.agenda().shownIn(skipped.agenda().indexOf("sort"))).containsExactly("sort");
    MeetingState moved = given(startedWith(WARM_COLD)).when(CHAIR, new MovePhase("write", 3)).thenState();
    assertThat(moved.agenda().shownIn(moved.agenda().indexOf("sort"))).containsExactly("sort");
  }

  @Test
  void aMethodOfOneselfCarriesOnlyFromEarlierPhasesOrCardKinds() {
    Method later = new Method("own", new Text("Eigen", "Own"), null, List.of(
        phase("one", Speaking.ROUND, List.of(), false, List.of("two"), false),
        phase("two", Speaking.ROUND, List.of("advice"), false, List.of(), false)));
    assertThat(given(startedWith(WARM_COLD)).when(CHAIR, new ChooseMethod(null, later)).thenRejected(Reason.BAD_REQUEST)
        .getMessage()).contains("phases[0].carries: 'two'");
    Method fine = new Method("own", new Text("Eigen", "Own"), new Text("Doel", "Purpose"), List.of(
        phase("one", Speaking.ROUND, List.of("advice"), false, List.of("learning", "learning-question"), false),
        phase("two", Speaking.CASE_BRINGER, List.of(), false, List.of("one"), true)));
    MeetingState chosen = given(startedWith(WARM_COLD)).when(CHAIR, new ChooseMethod(null, fine)).thenState();
    assertThat(chosen.agenda().phase(2).rates()).isTrue();
    assertThat(chosen.agenda().methodPurpose()).isEqualTo(new Text("Doel", "Purpose"));
  }

  @Test
  void everyoneGetsTheCardsInOneOrderAfterAReveal() {
    MeetingState state = given(sorting()).when(ANNA, new MarkDone()).thenState();
    List<List<String>> orders = new ArrayList<>();
    for (Participant p : state.participants()) {
      orders.add(Visibility.stateFor(state, p).cards().stream().map(Card::id).toList());
    }
    assertThat(orders).allSatisfy(order -> assertThat(order).containsExactly("c-lq", "c-1", "c-2", "c-3"));
  }
}
