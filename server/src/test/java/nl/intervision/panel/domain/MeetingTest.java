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

class MeetingTest {

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
      given(started(), new MeetingEnded(9)).when("p-new", new JoinMeeting(CODE, "Dana", null))
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
    void theChairAdvancesFromThePhaseTheySaw() {
      given(started()).at(77).when(CHAIR, new AdvancePhase(0)).then(new PhaseChanged(0, 1, "questions", 77));
    }

    @Test
    void aSecondClickOnNextDoesNotSkipAPhase() {
      given(started(), new PhaseChanged(0, 1, "questions", 1)).when(CHAIR, new AdvancePhase(0))
          .thenRejected(Reason.CONFLICT);
    }

    @Test
    void onlyTheChairMovesThePhase() {
      Rejected rejected = given(started()).when(ANNA, new AdvancePhase(0)).thenRejected(Reason.FORBIDDEN);
      assertThat(rejected.getMessage()).contains("only the chair");
    }

    @Test
    void thereIsNoPhaseAfterTheLast() {
      given(started(), new PhaseChanged(0, 1, "questions", 1), new PhaseChanged(1, 2, "advice", 2))
          .when(CHAIR, new AdvancePhase(2)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void theChairCanGoBack() {
      given(started(), new PhaseChanged(0, 1, "questions", 1)).at(3).when(CHAIR, new PreviousPhase(1))
          .then(new PhaseChanged(1, 0, "checkin", 3));
    }

    @Test
    void thereIsNoPhaseBeforeTheFirst() {
      given(started()).when(CHAIR, new PreviousPhase(0)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void enteringAPhaseClearsItsTimerAndSpeakingOrder() {
      MeetingState state = given(started(),
          new TimerChanged(TimerChange.STARTED, Timer.running(60_000, 61_000)),
          new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, new SpeakingOrder(CHAIR, List.of(ANNA), List.of())))
          .when(CHAIR, new AdvancePhase(0)).thenState();
      assertThat(state.timer()).isNull();
      assertThat(state.speaking()).isEqualTo(SpeakingOrder.EMPTY);
    }
  }

  @Nested
  @DisplayName("the timer")
  class Timers {
    @Test
    void startingSetsTheMomentItEnds() {
      given(started()).at(1_000).when(CHAIR, new StartTimer(300))
          .then(new TimerChanged(TimerChange.STARTED, Timer.running(300_000, 301_000)));
    }

    @Test
    void pausingKeepsWhatIsLeftAndResumingCountsFromNow() {
      List<Event> history = List.of(new TimerChanged(TimerChange.STARTED, Timer.running(300_000, 301_000)));
      given(started(), history.toArray(Event[]::new)).at(101_000).when(CHAIR, new PauseTimer())
          .then(new TimerChanged(TimerChange.PAUSED, Timer.paused(300_000, 200_000)));
      given(started(), history.get(0), new TimerChanged(TimerChange.PAUSED, Timer.paused(300_000, 200_000)))
          .at(500_000).when(CHAIR, new ResumeTimer())
          .then(new TimerChanged(TimerChange.RESUMED, Timer.running(300_000, 700_000)));
    }

    @Test
    void extendingAnExpiredTimerGivesTimeFromNow() {
      given(started(), new TimerChanged(TimerChange.STARTED, Timer.running(60_000, 61_000)))
          .at(100_000).when(CHAIR, new ExtendTimer(60))
          .then(new TimerChanged(TimerChange.EXTENDED, Timer.running(120_000, 160_000)));
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
      given(started(), new PhaseChanged(0, 1, "questions", 1)).at(50).when(ANNA, new AddCard(" What did you try? "))
          .then(new CardAdded(new Card("new-id", "information-question", "questions", ANNA, "What did you try?",
              List.of(), 50, null)));
    }

    @Test
    void cardTextIsLimitedInCharactersNotBytes() {
      String longest = "é".repeat(Limits.CARD_TEXT);
      given(started()).when(ANNA, new AddCard(longest)).thenState();
      given(started()).when(ANNA, new AddCard(longest + "!")).thenRejected(Reason.TOO_LARGE);
      given(started()).when(ANNA, new AddCard("   ")).thenRejected(Reason.BAD_REQUEST);
      given(started()).when(ANNA, new AddCard(null)).thenRejected(Reason.BAD_REQUEST);
      given(started()).when(ANNA, new AddCard("nul\u0000byte")).thenRejected(Reason.BAD_REQUEST);
    }

    @Test
    void observersReadButDoNotWrite() {
      given(started()).when(OLGA, new AddCard("hello")).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void someoneOutsideTheMeetingCannotWrite() {
      given(started()).when("p-stranger", new AddCard("hello")).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void onlyTheAuthorEditsACard() {
      Event added = new CardAdded(card("c-1", ANNA, "first"));
      given(started(), added).at(9).when(ANNA, new EditCard("c-1", "second")).then(new CardEdited("c-1", "second", 9));
      given(started(), added).when(BERT, new EditCard("c-1", "mine now")).thenRejected(Reason.FORBIDDEN);
      given(started(), added).when(CHAIR, new EditCard("c-1", "chair's words")).thenRejected(Reason.FORBIDDEN);
      given(started(), added).when(ANNA, new EditCard("c-2", "second")).thenRejected(Reason.NOT_FOUND);
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
      given(started()).when(CHAIR, new StartRound()).then(new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR,
          new SpeakingOrder(CHAIR, List.of(ANNA, BERT), List.of())));
    }

    @Test
    void raisedHandsQueueUpInOrderAndOnlyOnce() {
      MeetingState state = given(started(),
          new SpeakingChanged(SpeakingChange.HAND_RAISED, BERT, new SpeakingOrder(null, List.of(BERT), List.of())))
          .when(ANNA, new RaiseHand()).thenState();
      assertThat(state.speaking().queue()).containsExactly(BERT, ANNA);
      given(started(), new SpeakingChanged(SpeakingChange.HAND_RAISED, BERT, new SpeakingOrder(null, List.of(BERT), List.of())))
          .when(BERT, new RaiseHand()).then();
    }

    @Test
    void loweringAHandLeavesTheQueue() {
      given(started(), new SpeakingChanged(SpeakingChange.HAND_RAISED, BERT, new SpeakingOrder(null, List.of(BERT), List.of())))
          .when(BERT, new LowerHand())
          .then(new SpeakingChanged(SpeakingChange.HAND_LOWERED, BERT, new SpeakingOrder(null, List.of(), List.of())));
    }

    @Test
    void theChairGivesTheFloorToTheNextInLine() {
      given(started(), new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, new SpeakingOrder(CHAIR, List.of(ANNA, BERT), List.of())))
          .when(CHAIR, new NextSpeaker())
          .then(new SpeakingChanged(SpeakingChange.NEXT_SPEAKER, CHAIR, new SpeakingOrder(ANNA, List.of(BERT), List.of())));
      given(started()).when(CHAIR, new NextSpeaker()).thenRejected(Reason.CONFLICT);
      given(started()).when(ANNA, new NextSpeaker()).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void passingMovesYouToTheEndOnceAndOutTheSecondTime() {
      Event round = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, new SpeakingOrder(ANNA, List.of(BERT, CHAIR), List.of()));
      MeetingState once = given(started(), round).when(ANNA, new PassTurn()).thenState();
      assertThat(once.speaking()).isEqualTo(new SpeakingOrder(BERT, List.of(CHAIR, ANNA), List.of(ANNA)));
      Event passed = new SpeakingChanged(SpeakingChange.TURN_PASSED, ANNA, once.speaking());
      Event next = new SpeakingChanged(SpeakingChange.NEXT_SPEAKER, CHAIR, new SpeakingOrder(CHAIR, List.of(ANNA), List.of(ANNA)));
      MeetingState twice = given(started(), round, passed, next).when(ANNA, new PassTurn()).thenState();
      assertThat(twice.speaking()).isEqualTo(new SpeakingOrder(CHAIR, List.of(), List.of(ANNA)));
    }

    @Test
    void youCannotPassWhenYouAreNotInLine() {
      given(started()).when(ANNA, new PassTurn()).thenRejected(Reason.CONFLICT);
    }
  }

  @Nested
  @DisplayName("ending")
  class Ending {
    @Test
    void theChairEndsTheMeetingAndThenNothingChanges() {
      given(started()).at(99).when(CHAIR, new EndMeeting()).then(new MeetingEnded(99));
      given(started()).when(ANNA, new EndMeeting()).thenRejected(Reason.FORBIDDEN);
      given(started(), new MeetingEnded(99)).when(ANNA, new AddCard("late")).thenRejected(Reason.CONFLICT);
      given(started(), new MeetingEnded(99)).when(CHAIR, new AdvancePhase(0)).thenRejected(Reason.CONFLICT);
    }
  }

  @Nested
  @DisplayName("visibility")
  class WhoSeesWhat {
    @Test
    void observersDoNotSeeTheJoinCode() {
      MeetingState state = Meeting.replay(MeetingState.NEW, started());
      Participant olga = state.participant(OLGA).orElseThrow();
      Participant anna = state.participant(ANNA).orElseThrow();
      assertThat(Visibility.stateFor(state, olga).joinCode()).isNull();
      assertThat(Visibility.stateFor(state, anna).joinCode()).isEqualTo(CODE);
      assertThat(Visibility.eventsFor(List.of(STARTED), olga).get(0)).isInstanceOfSatisfying(MeetingStarted.class,
          e -> assertThat(e.joinCode()).isNull());
    }
  }

  @Test
  void replayingTheEventsOfEveryDecisionGivesTheSameState() {
    MeetingState state = Meeting.replay(MeetingState.NEW, started());
    List<Command> commands = List.of(new StartRound(), new AddCard("one"), new StartTimer(60), new AdvancePhase(0));
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
