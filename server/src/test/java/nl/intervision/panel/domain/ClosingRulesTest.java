package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Action points after they are written, silent-writing progress, the vote budget, the evaluation and the summary. */
class ClosingRulesTest {

  /** Anna's case; in the closing's action phase Bert wrote an action point that Anna takes on. */
  static List<Event> withActionPoint() {
    List<Event> events = new ArrayList<>(withCase());
    events.add(new PhaseChanged(1, 5, "actions", 2));
    events.add(new CardAdded(point("c-ap", BERT, ANNA)));
    return events;
  }

  static Card point(String id, String author, String owner) {
    return new Card(id, CardKind.ACTION_POINT, "actions", author, "Talk to my manager", List.of(), 10, null, false,
        false, false, null, false, false, owner);
  }

  @Nested
  @DisplayName("action points")
  class ActionPoints {
    @Test
    void theAuthorTheOwnerAndTheChairEditAnActionPoint() {
      for (String who : List.of(BERT, ANNA, CHAIR)) {
        given(withActionPoint()).at(50).when(who, new EditCard("c-ap", "Talk to Kim on Monday"))
            .then(new CardEdited("c-ap", "Talk to Kim on Monday", 50, null));
      }
    }

    @Test
    void someoneElseCannotEditIt() {
      List<Event> history = new ArrayList<>(withActionPoint());
      history.add(new ParticipantJoined(new Participant("p-cees", "Cees", Role.PARTICIPANT), 3));
      Rejected refused = given(history).when("p-cees", new EditCard("c-ap", "Mine now")).thenRejected(Reason.FORBIDDEN);
      assertThat(refused.refusal()).isEqualTo(Refusal.EDIT_OWN_CARDS);
    }

    /** Issue 15: an owner that defaulted to the author told everyone who wrote an anonymous action point. */
    @Test
    void anActionPointWrittenAnonymouslyHasNoOwnerUnlessOneIsNamedSoNobodyLearnsWhoWroteIt() {
      Agenda agenda = new Agenda("anonymous-actions", new Text("Anoniem", "Anonymous"),
          List.of(phase("learning", Speaking.ROUND, "learning-question")), List.of(),
          List.of(new Phase("actions", new Text("Acties", "Actions"), new Text("", ""), Speaking.FREE,
              List.of(CardKind.ACTION_POINT), false, true, 5)));
      List<Event> history = new ArrayList<>(startedWith(agenda));
      history.add(new CaseBringerChosen(ANNA));
      history.add(new PhaseChanged(0, 1, "actions", 1));
      MeetingState state = given(history).when(BERT, new AddCard("Call Kim", null, null)).thenState();

      Card written = state.cards().get(0);
      assertThat(written.anonymous()).isTrue();
      assertThat(written.ownerId()).isNull();
      for (String reader : List.of(CHAIR, ANNA, OLGA)) {
        Participant recipient = state.participant(reader).orElseThrow();
        assertThat(Visibility.stateFor(state, recipient).cards()).singleElement()
            .satisfies(seen -> assertThat(List.of(String.valueOf(seen.authorId()), String.valueOf(seen.ownerId())))
                .doesNotContain(BERT));
        MeetingState ended = Meeting.replay(state, List.of(new MeetingEnded(2, null)));
        Summary.View summary = Summary.of(ended, recipient, 0);
        assertThat(summary.actionPoints()).containsExactly(new Summary.Point("Call Kim", null, false));
        assertThat(Summary.markdown(summary, Language.EN)).contains("- [ ] Call Kim\n").doesNotContain("Call Kim (owner");
      }
      // Someone named as owner takes it on openly.
      MeetingState named = given(history).when(BERT, new AddCard("Call Kim", null, ANNA)).thenState();
      assertThat(named.cards().get(0).ownerId()).isEqualTo(ANNA);
    }

    @Test
    void itIsReassignedToSomeoneElseInTheMeeting() {
      MeetingState state = given(withActionPoint()).when(BERT, new AssignActionPoint("c-ap", CHAIR)).thenState();
      assertThat(state.card("c-ap").orElseThrow().ownerId()).isEqualTo(CHAIR);
      given(withActionPoint()).when(ANNA, new AssignActionPoint("c-ap", BERT))
          .then(new ActionPointAssigned("c-ap", BERT));
      given(withActionPoint()).when(ANNA, new AssignActionPoint("c-ap", ANNA)).then();
    }

    @Test
    void itGoesOnlyToSomeoneWhoTakesPart() {
      assertThat(given(withActionPoint()).when(BERT, new AssignActionPoint("c-ap", OLGA)).thenRejected(Reason.CONFLICT)
          .refusal()).isEqualTo(Refusal.OBSERVER_NO_ROLE);
      assertThat(given(withActionPoint()).when(BERT, new AssignActionPoint("c-ap", "p-gone"))
          .thenRejected(Reason.NOT_FOUND).refusal()).isEqualTo(Refusal.PARTICIPANT_NOT_FOUND);
      assertThat(given(withActionPoint()).when(BERT, new AssignActionPoint("c-ap", null))
          .thenRejected(Reason.BAD_REQUEST).refusal()).isEqualTo(Refusal.FIELD_REQUIRED);
    }

    @Test
    void onlyItsAuthorItsOwnerOrTheChairChangeIt() {
      List<Event> history = new ArrayList<>(withActionPoint());
      history.add(new ParticipantJoined(new Participant("p-cees", "Cees", Role.PARTICIPANT), 3));
      assertThat(given(history).when("p-cees", new AssignActionPoint("c-ap", "p-cees")).thenRejected(Reason.FORBIDDEN)
          .refusal()).isEqualTo(Refusal.ACTION_POINT_NOT_YOURS);
      assertThat(given(history).when("p-cees", new MarkActionPointDone("c-ap", true)).thenRejected(Reason.FORBIDDEN)
          .refusal()).isEqualTo(Refusal.ACTION_POINT_NOT_YOURS);
      given(history).when(CHAIR, new MarkActionPointDone("c-ap", true)).then(new ActionPointDone("c-ap", true));
      given(history).when(OLGA, new MarkActionPointDone("c-ap", true)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void itIsMarkedDoneAndNotDoneAgain() {
      MeetingState done = given(withActionPoint()).when(ANNA, new MarkActionPointDone("c-ap", true)).thenState();
      assertThat(done.card("c-ap").orElseThrow().isDone()).isTrue();
      List<Event> history = new ArrayList<>(withActionPoint());
      history.add(new ActionPointDone("c-ap", true));
      given(history).when(ANNA, new MarkActionPointDone("c-ap", true)).then();
      MeetingState undone = given(history).when(BERT, new MarkActionPointDone("c-ap", false)).thenState();
      assertThat(undone.card("c-ap").orElseThrow().isDone()).isFalse();
    }

    @Test
    void onlyAnActionPointHasAnOwnerOrIsDone() {
      assertThat(given(withActionPoint()).when(ANNA, new MarkActionPointDone("c-lq", true)).thenRejected(Reason.CONFLICT)
          .refusal()).isEqualTo(Refusal.NOT_AN_ACTION_POINT);
      assertThat(given(withActionPoint()).when(ANNA, new AssignActionPoint("c-lq", BERT)).thenRejected(Reason.CONFLICT)
          .refusal()).isEqualTo(Refusal.NOT_AN_ACTION_POINT);
    }

    @Test
    void itsOwnerMayDeleteItButNotSomeoneElsesCard() {
      given(withActionPoint()).when(ANNA, new DeleteCard("c-ap")).then(new CardDeleted("c-ap"));
      assertThat(given(withActionPoint()).when(BERT, new DeleteCard("c-lq")).thenRejected(Reason.FORBIDDEN).refusal())
          .isEqualTo(Refusal.DELETE_OWN_CARDS);
    }

    @Test
    void lookingBackWritesANoteNotANewActionPoint() {
      Phase lookBack = nl.intervision.panel.protocol.CatalogueJson.load().frame().opening().stream().filter(p -> p.id().equals("frame-2-lookback"))
          .findFirst().orElseThrow();
      assertThat(lookBack.cards()).containsExactly(CardKind.LOOK_BACK);
      Agenda agenda = new Agenda("m", new Text("M", "M"), List.of(lookBack), List.of(phase("story", Speaking.ROUND)),
          List.of());
      MeetingState state = given(startedWith(agenda)).when(ANNA, new AddCard("I did talk to my manager", null, null))
          .thenState();
      Card note = state.cards().get(0);
      assertThat(note.kind()).isEqualTo(CardKind.LOOK_BACK);
      assertThat(note.ownerId()).isNull();
      assertThat(given(startedWith(agenda)).when(ANNA, new AddCard("Again", CardKind.ACTION_POINT, null))
          .thenRejected(Reason.FORBIDDEN).refusal()).isEqualTo(Refusal.CARD_KIND_NOT_HERE);
    }
  }

  @Nested
  @DisplayName("silent writing")
  class SilentWritingProgress {
    final List<Event> writing = List.of(new PhaseChanged(0, 1, "write", 1));

    List<Event> quiet(Event... more) {
      List<Event> events = new ArrayList<>(startedWith(QUIET));
      events.addAll(writing);
      events.addAll(List.of(more));
      return events;
    }

    Card written(String id, String author) {
      return hidden(new Card(id, "information-question", "write", author, "secret " + id, List.of(), 5, null, false,
          false, false, null, false, false, null));
    }

    @Test
    void countsWhoWroteNotHowMuch() {
      MeetingState none = Meeting.replay(MeetingState.NEW, quiet());
      assertThat(SilentWriting.progress(none)).isEqualTo(new SilentWriting.Progress(0, 3));
      MeetingState twoByAnna = Meeting.replay(MeetingState.NEW,
          quiet(new CardAdded(written("c1", ANNA)), new CardAdded(written("c2", ANNA))));
      assertThat(SilentWriting.progress(twoByAnna)).as("two cards by one person count once")
          .isEqualTo(new SilentWriting.Progress(1, 3));
      MeetingState both = Meeting.replay(MeetingState.NEW,
          quiet(new CardAdded(written("c1", ANNA)), new CardAdded(written("c2", BERT))));
      assertThat(SilentWriting.progress(both)).isEqualTo(new SilentWriting.Progress(2, 3));
    }

    @Test
    void aDeletedOnlyCardNoLongerCounts() {
      MeetingState state = Meeting.replay(MeetingState.NEW,
          quiet(new CardAdded(written("c1", ANNA)), new CardDeleted("c1")));
      assertThat(SilentWriting.progress(state)).isEqualTo(new SilentWriting.Progress(0, 3));
    }

    @Test
    void thereIsNoProgressOutsideASilentPhase() {
      assertThat(SilentWriting.progress(Meeting.replay(MeetingState.NEW, startedWith(QUIET)))).isNull();
      MeetingState next = Meeting.replay(MeetingState.NEW,
          quiet(new CardAdded(written("c1", ANNA)), new PhaseChanged(1, 2, "whisper", 9)));
      assertThat(SilentWriting.progress(next)).isNull();
      assertThat(next.wrote()).as("a new phase starts counting afresh").isEmpty();
    }

    @Test
    void theCaseBringerWhoListensIsNotCounted() {
      List<Event> events = new ArrayList<>(startedWith(QUIET));
      events.add(new CardAdded(card("c-lq", ANNA, "A question")));
      events.add(new LearningQuestionChosen("c-lq", ANNA));
      events.add(new PhaseChanged(0, 1, "write", 1));
      assertThat(SilentWriting.progress(Meeting.replay(MeetingState.NEW, events)))
          .isEqualTo(new SilentWriting.Progress(0, 2));
    }
  }

  @Nested
  @DisplayName("the vote budget")
  class VoteBudget {
    List<Event> questions(Event... more) {
      List<Event> events = new ArrayList<>(started());
      events.add(at(0, 1));
      for (String id : List.of("q1", "q2", "q3")) {
        events.add(new CardAdded(card(id, BERT, "Question " + id)));
      }
      events.addAll(List.of(more));
      return events;
    }

    @Test
    void theChairSetsItForTheCurrentPhase() {
      given(questions()).when(CHAIR, new SetVoteBudget(2)).then(new VoteBudgetSet("learning", 2));
      MeetingState state = given(questions()).when(CHAIR, new SetVoteBudget(2)).thenState();
      assertThat(state.voteBudget()).isEqualTo(2);
      given(questions(new VoteBudgetSet("learning", 2))).when(CHAIR, new SetVoteBudget(0))
          .then(new VoteBudgetSet("learning", null));
      given(questions()).when(CHAIR, new SetVoteBudget(null)).then();
    }

    @Test
    void onlyTheChairSetsItWithinItsRange() {
      assertThat(given(questions()).when(ANNA, new SetVoteBudget(2)).thenRejected(Reason.FORBIDDEN).refusal())
          .isEqualTo(Refusal.CHAIR_ONLY);
      assertThat(given(questions()).when(CHAIR, new SetVoteBudget(Limits.VOTE_BUDGET + 1))
          .thenRejected(Reason.BAD_REQUEST).refusal()).isEqualTo(Refusal.VOTE_BUDGET_OUT_OF_RANGE);
      given(questions()).when(CHAIR, new SetVoteBudget(-1)).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void aVoteBeyondTheBudgetIsRefusedAndTakingOneBackMakesRoom() {
      List<Event> spent = questions(new VoteBudgetSet("learning", 2), new CardVoted("q1", ANNA),
          new CardVoted("q2", ANNA));
      Rejected refused = given(spent).when(ANNA, new VoteCard("q3")).thenRejected(Reason.CONFLICT);
      assertThat(refused.refusal()).isEqualTo(Refusal.VOTE_BUDGET_SPENT);
      assertThat(refused.params()).containsEntry("max", 2);
      given(spent).when(BERT, new VoteCard("q3")).then(new CardVoted("q3", BERT));
      List<Event> takenBack = new ArrayList<>(spent);
      takenBack.add(new CardUnvoted("q1", ANNA));
      given(takenBack).when(ANNA, new VoteCard("q3")).then(new CardVoted("q3", ANNA));
    }

    @Test
    void eachPersonHasTheirOwnVotesLeft() {
      MeetingState state = given(questions(new VoteBudgetSet("learning", 2), new CardVoted("q1", ANNA)))
          .when(ANNA, new VoteCard("q2")).thenState();
      assertThat(nl.intervision.panel.domain.VoteBudget.left(state, ANNA)).isZero();
      assertThat(nl.intervision.panel.domain.VoteBudget.left(state, BERT)).isEqualTo(2);
      MeetingState takenBack = given(questions(new VoteBudgetSet("learning", 2), new CardVoted("q1", ANNA),
          new CardVoted("q2", ANNA))).when(ANNA, new UnvoteCard("q1")).thenState();
      assertThat(nl.intervision.panel.domain.VoteBudget.left(takenBack, ANNA)).isEqualTo(1);
    }

    @Test
    void withoutABudgetNobodyCountsVotesLeftAndALoweredOneNeverGoesBelowNone() {
      assertThat(nl.intervision.panel.domain.VoteBudget.left(given(questions()).when(ANNA, new VoteCard("q1")).thenState(), ANNA)).isNull();
      MeetingState lowered = given(questions(new VoteBudgetSet("learning", 3), new CardVoted("q1", ANNA),
          new CardVoted("q2", ANNA))).when(CHAIR, new SetVoteBudget(1)).thenState();
      assertThat(nl.intervision.panel.domain.VoteBudget.left(lowered, ANNA)).isZero();
    }

    @Test
    void aBudgetHoldsOnlyInItsPhase() {
      List<Event> spent = questions(new VoteBudgetSet("learning", 1), new CardVoted("q1", ANNA),
          new PhaseChanged(1, 2, "story", 5));
      given(spent).when(ANNA, new VoteCard("q2")).then(new CardVoted("q2", ANNA));
    }
  }

  @Nested
  @DisplayName("the evaluation")
  class Evaluations {
    @Test
    void eachPersonGivesAScoreAndOneWordInTheClosing() {
      given(withActionPoint()).when(BERT, new GiveEvaluation(8, " Leerzaam ")).then(new EvaluationGiven(BERT, 8, "Leerzaam"));
      MeetingState state = given(withActionPoint()).when(BERT, new GiveEvaluation(8, "Leerzaam")).thenState();
      assertThat(state.evaluations()).containsExactly(new Evaluation(BERT, 8, "Leerzaam"));
    }

    @Test
    void givingItAgainReplacesIt() {
      List<Event> history = new ArrayList<>(withActionPoint());
      history.add(new EvaluationGiven(BERT, 8, "Leerzaam"));
      history.add(new EvaluationGiven(ANNA, 9, "Fijn"));
      MeetingState state = given(history).when(BERT, new GiveEvaluation(6, "Lang")).thenState();
      assertThat(state.evaluations()).containsExactly(new Evaluation(BERT, 6, "Lang"), new Evaluation(ANNA, 9, "Fijn"));
      given(history).when(BERT, new GiveEvaluation(8, "Leerzaam")).then();
    }

    @Test
    void itWaitsForTheClosing() {
      assertThat(given(withCase()).when(BERT, new GiveEvaluation(8, "Vroeg")).thenRejected(Reason.CONFLICT).refusal())
          .isEqualTo(Refusal.EVALUATION_NOT_YET);
    }

    @Test
    void aScoreIsOneToTenAndTheWordIsOneWord() {
      for (int score : List.of(0, 11, -3)) {
        Rejected refused = given(withActionPoint()).when(BERT, new GiveEvaluation(score, "Goed"))
            .thenRejected(Reason.BAD_REQUEST);
        assertThat(refused.refusal()).isEqualTo(Refusal.SCORE_OUT_OF_RANGE);
      }
      assertThat(given(withActionPoint()).when(BERT, new GiveEvaluation(7, "heel goed")).thenRejected(Reason.BAD_REQUEST)
          .refusal()).isEqualTo(Refusal.ONE_WORD);
      assertThat(given(withActionPoint()).when(BERT, new GiveEvaluation(7, " ")).thenRejected(Reason.BAD_REQUEST)
          .refusal()).isEqualTo(Refusal.FIELD_REQUIRED);
      given(withActionPoint()).when(BERT, new GiveEvaluation(7, "x".repeat(Limits.EVALUATION_WORD + 1)))
          .thenRejected(Reason.TOO_LARGE);
      given(withActionPoint()).when(OLGA, new GiveEvaluation(7, "Stil")).thenRejected(Reason.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("the summary")
  class Summaries {
    MeetingState ended() {
      List<Event> history = new ArrayList<>(withActionPoint());
      history.add(new CardAdded(new Card("c-rec", CardKind.RECOGNITION, "actions", BERT, "I know this too", List.of(),
          11, null, false, false, false, null, false, false, null)));
      history.add(new CardAdded(new Card("c-q", "information-question", "questions", BERT, "Who is your manager?",
          List.of(), 6, null, false, false, false, Card.Rating.WARM, true, false, null)));
      history.add(new ActionPointDone("c-ap", true));
      history.add(new EvaluationGiven(BERT, 8, "Leerzaam"));
      history.add(new MeetingEnded(1_764_680_000_000L, null));
      return Meeting.replay(MeetingState.NEW, history);
    }

    @Test
    void everyoneReadsWhatTheGroupTakesAway() {
      MeetingState state = ended();
      for (String reader : List.of(CHAIR, ANNA, BERT, OLGA)) {
        Summary.View view = Summary.of(state, state.participant(reader).orElseThrow(), 0);
        assertThat(view.date()).isEqualTo(1_764_680_000_000L);
        assertThat(view.attendees()).extracting(Summary.Attendee::name).containsExactly("Chris", "Anna", "Bert", "Olga");
        assertThat(view.learningQuestion()).isEqualTo("How do I say no to my manager?");
        assertThat(view.keyQuestion()).isEqualTo("Who is your manager?");
        assertThat(view.insights()).extracting(Summary.Insight::text).containsExactly("I know this too");
        assertThat(view.actionPoints()).containsExactly(new Summary.Point("Talk to my manager", "Anna", true));
        assertThat(view.evaluations()).containsExactly(new Summary.Given("Bert", 8, "Leerzaam"));
      }
    }

    @Test
    void onlyTheChairAndTheCaseBringerReadTheCaseRecord() {
      MeetingState state = ended();
      for (String reader : List.of(CHAIR, ANNA)) {
        assertThat(Summary.of(state, state.participant(reader).orElseThrow(), 0).caseRecord())
            .flatExtracting(Summary.PhaseRecord::cards).extracting(Summary.Line::text).containsExactly("Who is your manager?");
      }
      for (String reader : List.of(BERT, OLGA)) {
        Summary.View view = Summary.of(state, state.participant(reader).orElseThrow(), 0);
        assertThat(view.caseRecord()).isEmpty();
        assertThat(Summary.markdown(view, Language.NL)).doesNotContain("warm").contains("Who is your manager?");
      }
    }

    @Test
    void theMarkdownHasTheDateTheAttendeesAndTheOwners() {
      MeetingState state = ended();
      String md = Summary.markdown(Summary.of(state, state.participant(BERT).orElseThrow(), 0), Language.NL);
      assertThat(md).contains("Datum: 2025-12-02", "Aanwezig: Chris (voorzitter), Anna (inbrenger), Bert, Olga (observator)",
          "- [x] Talk to my manager (eigenaar: Anna)", "- Bert: 8/10, Leerzaam", "## Inzichten");
    }
  }
}
