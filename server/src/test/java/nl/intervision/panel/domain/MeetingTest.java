package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The basic life of a meeting: starting, joining, phases, the timer, the board, speaking, ending. */
class MeetingTest {

  static final Event ROUND = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, order(CHAIR, ANNA, BERT));

  @Nested
  @DisplayName("starting and joining")
  class StartingAndJoining {
    @Test
    void aNewMeetingStartsWithItsCreatorAsChairInTheFirstPhase() {
      MeetingState state = given(List.of()).at(5)
          .when(CHAIR, new StartMeeting("  Team intervision ", "Chris", Language.EN, CODE, AGENDA))
          .thenState();
      assertThat(state.status()).isEqualTo(MeetingState.Status.OPEN);
      assertThat(state.title()).isEqualTo("Team intervision");
      assertThat(state.participants()).containsExactly(new Participant(CHAIR, "Chris", Role.CHAIR));
      assertThat(state.phase().id()).isEqualTo("checkin");
    }

    @Test
    void aMeetingCannotBeStartedTwice() {
      given(started()).when(CHAIR, new StartMeeting("Again", "Chris", Language.NL, CODE, AGENDA))
          .thenRejected(Reason.CONFLICT);
    }

    @Test
    void aMeetingNeedsATitle() {
      given(List.of()).when(CHAIR, new StartMeeting(" ", "Chris", Language.NL, CODE, AGENDA))
          .thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void aNewcomerWithTheRightCodeJoinsAsParticipant() {
      given(started()).at(42).when("p-new", new JoinMeeting("abcd efgh", "Dana", null))
          .then(new ParticipantJoined(new Participant("p-new", "Dana", Role.PARTICIPANT), 42));
    }

    @Test
    void aWrongJoinCodeIsRefused() {
      given(started()).when("p-new", new JoinMeeting("ABCD-EFGX", "Dana", Role.PARTICIPANT))
          .thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void nobodyCanJoinAsChair() {
      given(started()).when("p-new", new JoinMeeting(CODE, "Dana", Role.CHAIR)).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void nobodyJoinsAnEndedMeeting() {
      given(started(), new MeetingEnded(9, null)).when("p-new", new JoinMeeting(CODE, "Dana", null))
          .thenRejected(Reason.NOT_FOUND);
    }

    @Test
    void anUnknownMeetingIsNotFound() {
      given(List.of()).when(ANNA, new RaiseHand()).thenRejected(Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("phases")
  class Phases {
    @Test
    void theChairAdvancesFromThePhaseTheySawAndTheRoundBegins() {
      given(started()).at(77).when(CHAIR, new AdvancePhase(0)).then(
          new PhaseChanged(0, 1, "learning", 77),
          new SpeakingChanged(SpeakingChange.PHASE_ENTERED, CHAIR, order(CHAIR, ANNA, BERT)));
    }

    @Test
    void aSecondClickOnNextDoesNotSkipAPhase() {
      given(started(), at(0, 1)).when(CHAIR, new AdvancePhase(0)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void onlyTheChairMovesThePhase() {
      Rejected rejected = given(started()).when(ANNA, new AdvancePhase(0)).thenRejected(Reason.FORBIDDEN);
      assertThat(rejected.getMessage()).contains("only the chair");
    }

    @Test
    void thereIsNoPhaseAfterTheLast() {
      given(started(), at(0, 5)).when(CHAIR, new AdvancePhase(5)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void theChairCanGoBack() {
      given(started(), at(0, 3)).at(3).when(CHAIR, new PreviousPhase(3)).then(new PhaseChanged(3, 2, "story", 3));
    }

    @Test
    void thereIsNoPhaseBeforeTheFirst() {
      given(started()).when(CHAIR, new PreviousPhase(0)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void enteringAPhaseClearsItsTimerSpeakingOrderAndWhoIsDone() {
      MeetingState state = given(started(), at(0, 2),
          new TimerChanged(TimerChange.STARTED, Timer.running(60_000, 61_000), null),
          ROUND, new ReadinessChanged(ANNA, true))
          .when(CHAIR, new AdvancePhase(2)).thenState();
      assertThat(state.timer()).isNull();
      assertThat(state.speaking()).isEqualTo(SpeakingOrder.EMPTY);
      assertThat(state.done()).isEmpty();
    }

    @Test
    void everyoneCanSayTheyAreDoneAndChangeTheirMind() {
      given(started()).when(BERT, new MarkDone()).then(new ReadinessChanged(BERT, true));
      given(started(), new ReadinessChanged(BERT, true)).when(BERT, new MarkDone()).then();
      given(started(), new ReadinessChanged(BERT, true)).when(BERT, new MarkNotDone()).then(new ReadinessChanged(BERT, false));
      given(started()).when(OLGA, new MarkDone()).thenRejected(Reason.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("the timer")
  class Timers {
    @Test
    void startingSetsTheMomentItEnds() {
      given(started()).at(1_000).when(CHAIR, new StartTimer(300))
          .then(new TimerChanged(TimerChange.STARTED, Timer.running(300_000, 301_000), null));
    }

    @Test
    void pausingKeepsWhatIsLeftAndResumingCountsFromNow() {
      Event started = new TimerChanged(TimerChange.STARTED, Timer.running(300_000, 301_000), null);
      given(started(), started).at(101_000).when(CHAIR, new PauseTimer())
          .then(new TimerChanged(TimerChange.PAUSED, Timer.paused(300_000, 200_000), null));
      given(started(), started, new TimerChanged(TimerChange.PAUSED, Timer.paused(300_000, 200_000), null))
          .at(500_000).when(CHAIR, new ResumeTimer())
          .then(new TimerChanged(TimerChange.RESUMED, Timer.running(300_000, 700_000), null));
    }

    @Test
    void extendingAnExpiredTimerGivesTimeFromNow() {
      given(started(), new TimerChanged(TimerChange.STARTED, Timer.running(60_000, 61_000), null))
          .at(100_000).when(CHAIR, new ExtendTimer(60))
          .then(new TimerChanged(TimerChange.EXTENDED, Timer.running(120_000, 160_000), null));
    }

    @Test
    void thereIsNothingToPauseWithoutATimer() {
      given(started()).when(CHAIR, new PauseTimer()).thenRejected(Reason.CONFLICT);
    }

    @Test
    void aTimerNeedsASensibleLength() {
      given(started()).when(CHAIR, new StartTimer(0)).thenRejected(Reason.BAD_REQUEST);
      given(started()).when(CHAIR, new StartTimer(Limits.TIMER_SECONDS + 1)).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void onlyTheChairRunsTheTimer() {
      given(started()).when(BERT, new StartTimer(60)).thenRejected(Reason.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("the board")
  class TheBoard {
    @Test
    void aCardGetsThePhaseKindItsAuthorAndTheTime() {
      given(withCase(), at(1, 3)).at(50).when(BERT, new AddCard(" What did you try? ", null, null))
          .then(new CardAdded(new Card("new-id", "information-question", "questions", BERT, "What did you try?",
              List.of(), 50, null, false, false, false, null, false, false, null)));
    }

    @Test
    void cardTextIsLimitedInCharactersNotBytes() {
      String longest = "é".repeat(Limits.CARD_TEXT);
      given(started(), at(0, 1)).when(ANNA, new AddCard(longest, null, null)).thenState();
      given(started(), at(0, 1)).when(ANNA, new AddCard(longest + "!", null, null)).thenRejected(Reason.TOO_LARGE);
      given(started(), at(0, 1)).when(ANNA, new AddCard("   ", null, null)).thenRejected(Reason.BAD_REQUEST);
      given(started(), at(0, 1)).when(ANNA, new AddCard(null, null, null)).thenRejected(Reason.BAD_REQUEST);
      given(started(), at(0, 1)).when(ANNA, new AddCard("nul\u0000byte", null, null)).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void observersReadButDoNotWrite() {
      given(started(), at(0, 1)).when(OLGA, new AddCard("hello", null, null)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void someoneOutsideTheMeetingCannotWrite() {
      given(started(), at(0, 1)).when("p-stranger", new AddCard("hello", null, null)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void onlyTheAuthorEditsACard() {
      Event added = new CardAdded(card("c-1", ANNA, "first"));
      given(started(), added).at(9).when(ANNA, new EditCard("c-1", "second")).then(new CardEdited("c-1", "second", 9, null));
      given(started(), added).when(BERT, new EditCard("c-1", "mine now")).thenRejected(Reason.FORBIDDEN);
      given(started(), added).when(CHAIR, new EditCard("c-1", "chair's words")).thenRejected(Reason.FORBIDDEN);
      given(started(), added).when(ANNA, new EditCard("c-2", "second")).thenRejected(Reason.NOT_FOUND);
      given(started(), added).when(ANNA, new EditCard(null, "second")).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void theAuthorOrTheChairDeletesACard() {
      Event added = new CardAdded(card("c-1", ANNA, "first"));
      given(started(), added).when(ANNA, new DeleteCard("c-1")).then(new CardDeleted("c-1"));
      given(started(), added).when(CHAIR, new DeleteCard("c-1")).then(new CardDeleted("c-1"));
      given(started(), added).when(BERT, new DeleteCard("c-1")).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void everyoneVotesOncePerCard() {
      Event added = new CardAdded(card("c-1", ANNA, "first"));
      given(started(), added).when(BERT, new VoteCard("c-1")).then(new CardVoted("c-1", BERT));
      MeetingState voted = given(started(), added, new CardVoted("c-1", BERT)).when(CHAIR, new VoteCard("c-1")).thenState();
      assertThat(voted.card("c-1").orElseThrow().votes()).isEqualTo(2);
      given(started(), added, new CardVoted("c-1", BERT)).when(BERT, new VoteCard("c-1")).then();
      given(started(), added, new CardVoted("c-1", BERT)).when(BERT, new UnvoteCard("c-1")).then(new CardUnvoted("c-1", BERT));
      given(started(), added).when(BERT, new UnvoteCard("c-1")).then();
    }
  }

  @Nested
  @DisplayName("the speaking order")
  class SpeakingOrders {
    @Test
    void aRoundGoesPastEveryoneButTheObservers() {
      given(started()).when(CHAIR, new StartRound()).then(ROUND);
    }

    @Test
    void raisedHandsQueueUpInOrderAndOnlyOnce() {
      Event bertRaised = new SpeakingChanged(SpeakingChange.HAND_RAISED, BERT, order(null, BERT));
      MeetingState state = given(started(), bertRaised).when(ANNA, new RaiseHand()).thenState();
      assertThat(state.speaking().queue()).containsExactly(BERT, ANNA);
      given(started(), bertRaised).when(BERT, new RaiseHand()).then();
    }

    @Test
    void loweringAHandLeavesTheQueue() {
      given(started(), new SpeakingChanged(SpeakingChange.HAND_RAISED, BERT, raised(BERT)))
          .when(BERT, new LowerHand())
          .then(new SpeakingChanged(SpeakingChange.HAND_LOWERED, BERT, raised()));
    }

    @Test
    void theChairGivesTheFloorToTheNextInLine() {
      given(started(), ROUND).when(CHAIR, new NextSpeaker())
          .then(new SpeakingChanged(SpeakingChange.NEXT_SPEAKER, CHAIR, order(ANNA, BERT)));
      given(started()).when(CHAIR, new NextSpeaker()).thenRejected(Reason.CONFLICT);
      given(started()).when(ANNA, new NextSpeaker()).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void passingMovesYouToTheEndOnceAndOutTheSecondTime() {
      Event round = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, order(ANNA, BERT, CHAIR));
      MeetingState once = given(started(), round).when(ANNA, new PassTurn()).thenState();
      assertThat(once.speaking()).isEqualTo(new SpeakingOrder(BERT, List.of(CHAIR, ANNA), List.of(ANNA), null));
      Event passed = new SpeakingChanged(SpeakingChange.TURN_PASSED, ANNA, once.speaking());
      Event next = new SpeakingChanged(SpeakingChange.NEXT_SPEAKER, CHAIR, new SpeakingOrder(CHAIR, List.of(ANNA), List.of(ANNA), null));
      MeetingState twice = given(started(), round, passed, next).when(ANNA, new PassTurn()).thenState();
      assertThat(twice.speaking()).isEqualTo(new SpeakingOrder(CHAIR, List.of(), List.of(ANNA), null));
    }

    @Test
    void youCannotPassWhenYouAreNotInLine() {
      given(started()).when(ANNA, new PassTurn()).thenRejected(Reason.CONFLICT);
    }
  }

  @Nested
  @DisplayName("removing someone")
  class Removing {
    @Test
    void theChairRemovesSomeoneWhoJoinedByMistakeAndTheyCanDoNothingMore() {
      Event removed = new ParticipantRemoved(BERT, SpeakingOrder.EMPTY);
      given(started()).when(CHAIR, new RemoveParticipant(BERT)).then(removed);
      MeetingState state = given(started()).when(CHAIR, new RemoveParticipant(BERT)).thenState();
      assertThat(state.participant(BERT)).isEmpty();
      assertThat(state.participants()).extracting(Participant::id).containsExactly(CHAIR, ANNA, OLGA);
      Rejected raising = given(started(), removed).when(BERT, new RaiseHand()).thenRejected(Reason.FORBIDDEN);
      assertThat(raising.getMessage()).contains("not a participant");
    }

    @Test
    void anObserverCanBeRemovedToo() {
      given(started()).when(CHAIR, new RemoveParticipant(OLGA)).then(new ParticipantRemoved(OLGA, SpeakingOrder.EMPTY));
    }

    @Test
    void onlyTheChairRemovesPeople() {
      given(started()).when(ANNA, new RemoveParticipant(BERT)).thenRejected(Reason.FORBIDDEN);
      given(started()).when(OLGA, new RemoveParticipant(BERT)).thenRejected(Reason.FORBIDDEN);
      given(started()).when("p-stranger", new RemoveParticipant(BERT)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void theChairHandsOverBeforeLeavingAndNobodyUnknownIsRemoved() {
      Rejected self = given(started()).when(CHAIR, new RemoveParticipant(CHAIR)).thenRejected(Reason.CONFLICT);
      assertThat(self.getMessage()).contains("hand the chair over");
      given(started(), new ChairHandedOver(CHAIR, ANNA, "handed-over")).when(ANNA, new RemoveParticipant(CHAIR))
          .then(new ParticipantRemoved(CHAIR, SpeakingOrder.EMPTY));
      given(started()).when(CHAIR, new RemoveParticipant("p-stranger")).thenRejected(Reason.NOT_FOUND);
      given(started()).when(CHAIR, new RemoveParticipant(null)).thenRejected(Reason.BAD_REQUEST);
      given(started(), new ParticipantRemoved(BERT, SpeakingOrder.EMPTY)).when(CHAIR, new RemoveParticipant(BERT))
          .thenRejected(Reason.NOT_FOUND);
      given(started(), new MeetingEnded(9, null)).when(CHAIR, new RemoveParticipant(BERT)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void theyLeaveTheSpeakingOrderAndTheNextInLineGetsTheFloor() {
      Event round = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR,
          new SpeakingOrder(ANNA, List.of(BERT, CHAIR), List.of(ANNA), null));
      given(started(), round).when(CHAIR, new RemoveParticipant(BERT))
          .then(new ParticipantRemoved(BERT, new SpeakingOrder(ANNA, List.of(CHAIR), List.of(ANNA), null)));
      given(started(), new TurnTimeSet(60), round).at(5_000).when(CHAIR, new RemoveParticipant(ANNA))
          .then(new ParticipantRemoved(ANNA, new SpeakingOrder(BERT, List.of(CHAIR), List.of(), 65_000L)));
    }

    @Test
    void theyLoseTheirRolesButWhatTheyWroteStays() {
      MeetingState state = given(withCase(), new BackupChairNamed(ANNA), new ReadinessChanged(ANNA, true),
          new ReadinessChanged(BERT, true)).when(CHAIR, new RemoveParticipant(ANNA)).thenState();
      assertThat(state.caseBringerId()).isNull();
      assertThat(state.backupChairId()).isNull();
      assertThat(state.done()).containsExactly(BERT);
      assertThat(state.card("c-lq")).isPresent();
      assertThat(state.learningQuestionId()).isEqualTo("c-lq");
    }

    @Test
    void theLearningQuestionOfSomeoneWhoWasRemovedCannotMakeThemTheCaseBringer() {
      Event bertsQuestion = new CardAdded(card("c-bert", BERT, "How do I plan less?"));
      given(started(), at(0, 1), bertsQuestion, new ParticipantRemoved(BERT, SpeakingOrder.EMPTY))
          .when(CHAIR, new ChooseLearningQuestion("c-bert")).thenRejected(Reason.CONFLICT);
      given(started(), new ParticipantRemoved(BERT, SpeakingOrder.EMPTY)).when(CHAIR, new ChooseCaseBringer(BERT))
          .thenRejected(Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("ending")
  class Ending {
    @Test
    void theChairEndsTheMeetingAndThenNothingChanges() {
      given(started()).at(99).when(CHAIR, new EndMeeting(null)).then(new MeetingEnded(99, null));
      given(started()).at(99).when(CHAIR, new EndMeeting(true)).then(new MeetingEnded(99, true));
      given(started()).when(ANNA, new EndMeeting(null)).thenRejected(Reason.FORBIDDEN);
      given(started(), at(0, 1), new MeetingEnded(99, null)).when(ANNA, new AddCard("late", null, null))
          .thenRejected(Reason.CONFLICT);
      given(started(), new MeetingEnded(99, null)).when(CHAIR, new AdvancePhase(0)).thenRejected(Reason.CONFLICT);
    }
  }

  @Test
  void replayingTheEventsOfEveryDecisionGivesTheSameState() {
    MeetingState state = Meeting.replay(MeetingState.NEW, started());
    List<Command> commands = List.of(new StartRound(), new StartTimer(60), new AdvancePhase(0),
        new AddCard("one", null, null), new SetTurnTime(90), new NextSpeaker());
    List<Event> log = new java.util.ArrayList<>(started());
    long at = 100;
    for (Command c : commands) {
      List<Event> events = Meeting.decide(state, new Envelope(CHAIR, at++, "c" + at), c);
      log.addAll(events);
      state = Meeting.replay(state, events);
    }
    assertThat(Meeting.replay(MeetingState.NEW, log)).isEqualTo(state);
  }
}
