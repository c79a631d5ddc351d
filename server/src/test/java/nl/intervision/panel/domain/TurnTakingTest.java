package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Turn-taking as groups talk, readiness where it means something, and a meeting that survives its chair's absence. */
class TurnTakingTest {

  static final Event ROUND = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, order(CHAIR, ANNA, BERT));

  static SpeakingOrder away(String current, List<String> queue, String... gone) {
    return new SpeakingOrder(current, queue, List.of(), null, List.of(), List.of(gone));
  }

  @Nested
  @DisplayName("finishing a turn")
  class Finishing {
    @Test
    void finishingGivesTheFloorToTheNextWithoutQueueingAgain() {
      given(started(), ROUND).when(CHAIR, new FinishTurn())
          .then(new SpeakingChanged(SpeakingChange.TURN_FINISHED, CHAIR, order(ANNA, BERT)));
    }

    @Test
    void aRoundWhereEveryoneFinishesGivesEachTheFloorOnce() {
      MeetingState state = Meeting.replay(MeetingState.NEW, append(started(), ROUND));
      List<String> spoke = new ArrayList<>();
      while (state.speaking().current() != null) {
        String speaker = state.speaking().current();
        spoke.add(speaker);
        state = Meeting.replay(state, Meeting.decide(state, new Envelope(speaker, 5, "id"), new FinishTurn()));
      }
      assertThat(spoke).containsExactly(CHAIR, ANNA, BERT);
      assertThat(state.speaking().queue()).isEmpty();
    }

    @Test
    void finishingATurnOneDoesNotHaveChangesNothing() {
      // A double click: the second arrives when the floor has already moved on.
      given(started(), ROUND).when(ANNA, new FinishTurn()).then();
      given(started()).when(ANNA, new FinishTurn()).then();
    }

    @Test
    void aTimedTurnStartsTheNextSpeakersClock() {
      given(started(), ROUND, new TurnTimeSet(60)).at(10_000).when(CHAIR, new FinishTurn())
          .then(new SpeakingChanged(SpeakingChange.TURN_FINISHED, CHAIR,
              new SpeakingOrder(ANNA, List.of(BERT), List.of(), 70_000L)));
    }
  }

  @Nested
  @DisplayName("hands and controls")
  class Hands {
    @Test
    void waitingInARoundIsNotARaisedHandSoThereIsNothingToLower() {
      given(started(), ROUND).when(ANNA, new LowerHand()).then();
    }

    @Test
    void aRaisedHandCanBeLowered() {
      given(started(), new SpeakingChanged(SpeakingChange.HAND_RAISED, ANNA, raised(ANNA)))
          .when(ANNA, new LowerHand()).then(new SpeakingChanged(SpeakingChange.HAND_LOWERED, ANNA, raised()));
    }

    @Test
    void theStateSaysWhoMayUseWhichControl() {
      MeetingState round = given(started(), ROUND).when(CHAIR, new NextSpeaker()).thenState();
      TurnControls may = TurnControls.of(round);
      assertThat(may.finishTurn()).containsExactly(ANNA);
      assertThat(may.passTurn()).containsExactly(BERT);
      assertThat(may.lowerHand()).isEmpty();
      // The chair finished speaking and may ask for the floor again; observers never.
      assertThat(may.raiseHand()).containsExactly(CHAIR);

      MeetingState hand = given(started()).when(BERT, new RaiseHand()).thenState();
      assertThat(TurnControls.of(hand).lowerHand()).containsExactly(BERT);
      assertThat(TurnControls.of(hand).passTurn()).isEmpty();
      assertThat(TurnControls.of(hand).raiseHand()).containsExactly(CHAIR, ANNA);
    }

    @Test
    void theCaseBringerIsNotOfferedTheFloorWhileListening() {
      MeetingState advice = Meeting.replay(MeetingState.NEW, append(withCase(), at(1, 4)));
      assertThat(TurnControls.of(advice).raiseHand()).containsExactly(CHAIR, BERT);
    }
  }

  @Nested
  @DisplayName("late joiners")
  class LateJoiners {
    @Test
    void someoneWhoJoinsDuringARoundTakesTheLastPlace() {
      given(started(), ROUND).at(42).when("p-dana", new JoinMeeting(CODE, "Dana", null)).then(
          new ParticipantJoined(new Participant("p-dana", "Dana", Role.PARTICIPANT), 42),
          new SpeakingChanged(SpeakingChange.JOINED_ROUND, "p-dana", order(CHAIR, ANNA, BERT, "p-dana")));
    }

    @Test
    void observersAndJoinersOutsideARoundAreNotPutInLine() {
      given(started(), ROUND).at(42).when("p-obs", new JoinMeeting(CODE, "Otto", Role.OBSERVER))
          .then(new ParticipantJoined(new Participant("p-obs", "Otto", Role.OBSERVER), 42));
      given(started()).at(42).when("p-dana", new JoinMeeting(CODE, "Dana", null))
          .then(new ParticipantJoined(new Participant("p-dana", "Dana", Role.PARTICIPANT), 42));
    }
  }

  @Nested
  @DisplayName("people who drop out")
  class Offline {
    @Test
    void aSpeakerWhoseConnectionGoesIsSkippedAndTheFloorMovesOn() {
      given(started(), ROUND).when(Envelope.SERVER, new ParticipantWentOffline(CHAIR))
          .then(new SpeakingChanged(SpeakingChange.WENT_AWAY, Envelope.SERVER, away(ANNA, List.of(BERT), CHAIR)));
      given(started(), ROUND).when(Envelope.SERVER, new ParticipantWentOffline(BERT))
          .then(new SpeakingChanged(SpeakingChange.WENT_AWAY, Envelope.SERVER, away(CHAIR, List.of(ANNA), BERT)));
      given(started(), ROUND).when(Envelope.SERVER, new ParticipantWentOffline(OLGA)).then();
    }

    @Test
    void aRoundSkipsWhoIsNotConnectedAndTakesThemInWhenTheyAre() {
      Envelope onlyChairAndBert = new Envelope(CHAIR, 7, "id", java.util.Set.of(CHAIR, BERT));
      MeetingState round = Meeting.replay(Meeting.replay(MeetingState.NEW, started()),
          Meeting.decide(Meeting.replay(MeetingState.NEW, started()), onlyChairAndBert, new StartRound()));
      assertThat(round.speaking()).isEqualTo(away(CHAIR, List.of(BERT), ANNA));
      MeetingState back = Meeting.replay(round,
          Meeting.decide(round, new Envelope(Envelope.SERVER, 8, "id"), new ParticipantCameOnline(ANNA)));
      assertThat(back.speaking()).isEqualTo(order(CHAIR, BERT, ANNA));
    }

    @Test
    void enteringARoundPhaseWhileTheFirstIsAwayGivesTheFloorToTheNext() {
      MeetingState state = Meeting.replay(MeetingState.NEW, started());
      List<Event> events = Meeting.decide(state, new Envelope(CHAIR, 7, "id", java.util.Set.of(ANNA, BERT)),
          new AdvancePhase(0));
      assertThat(Meeting.replay(state, events).speaking()).isEqualTo(away(ANNA, List.of(BERT), CHAIR));
    }

    @Test
    void someoneWhoJoinsARoundBeforeConnectingWaitsAwayUntilTheyConnect() {
      MeetingState state = Meeting.replay(MeetingState.NEW, append(started(), ROUND));
      List<Event> joined = Meeting.decide(state, new Envelope("p-dana", 9, "id", java.util.Set.of(CHAIR, ANNA, BERT)),
          new JoinMeeting(CODE, "Dana", null));
      MeetingState in = Meeting.replay(state, joined);
      assertThat(in.speaking()).isEqualTo(away(CHAIR, List.of(ANNA, BERT), "p-dana"));
      MeetingState connected = Meeting.replay(in,
          Meeting.decide(in, new Envelope(Envelope.SERVER, 10, "id"), new ParticipantCameOnline("p-dana")));
      assertThat(connected.speaking()).isEqualTo(order(CHAIR, ANNA, BERT, "p-dana"));
    }

    @Test
    void someoneSkippedAsAwayWhoRaisesTheirHandIsEvidentlyBack() {
      Event wentAway = new SpeakingChanged(SpeakingChange.WENT_AWAY, Envelope.SERVER, away(CHAIR, List.of(ANNA), BERT));
      assertThat(TurnControls.of(Meeting.replay(MeetingState.NEW, append(started(), ROUND, wentAway))).raiseHand())
          .containsExactly(BERT);
      given(started(), ROUND, wentAway).when(BERT, new RaiseHand())
          .then(new SpeakingChanged(SpeakingChange.CAME_BACK, BERT, order(CHAIR, ANNA, BERT)));
    }

    @Test
    void someoneSkippedWhileAwayComesBackAtTheEnd() {
      Event wentAway = new SpeakingChanged(SpeakingChange.WENT_AWAY, Envelope.SERVER, away(CHAIR, List.of(ANNA), BERT));
      given(started(), ROUND, wentAway).when(Envelope.SERVER, new ParticipantCameOnline(BERT))
          .then(new SpeakingChanged(SpeakingChange.CAME_BACK, Envelope.SERVER, order(CHAIR, ANNA, BERT)));
      given(started(), ROUND).when(Envelope.SERVER, new ParticipantCameOnline(BERT)).then();
    }

    @Test
    void theCaseBringersPauseNoticeClearsWhenTheyAreBack() {
      Event running = new TimerChanged(Event.TimerChange.STARTED, Timer.running(600_000, 700_000), null);
      MeetingState paused = given(withCase(), running).at(400_000)
          .when(Envelope.SERVER, new ParticipantWentOffline(ANNA)).thenState();
      assertThat(paused.timer().pausedBecause()).isEqualTo("case-bringer-offline");
      MeetingState back = Meeting.replay(paused,
          Meeting.decide(paused, new Envelope(Envelope.SERVER, 500_000, "id"), new ParticipantCameOnline(ANNA)));
      assertThat(back.timer().pausedBecause()).isNull();
      assertThat(back.timer().remainingMs()).isEqualTo(300_000L);
    }
  }

  @Nested
  @DisplayName("readiness")
  class ReadinessRules {
    @Test
    void inAnOrdinaryPhaseNobodyIsWaitedFor() {
      assertThat(Readiness.expected(Meeting.replay(MeetingState.NEW, started()))).isNull();
    }

    @Test
    void whenTheChairAsksTheParticipantsCountButNotTheChairOrObservers() {
      MeetingState asked = given(started()).when(CHAIR, new AskReadiness()).thenState();
      assertThat(Readiness.expected(asked)).containsExactly(ANNA, BERT);
      given(started()).when(CHAIR, new AskReadiness()).then(new ReadinessAsked("checkin"));
      given(started(), new ReadinessAsked("checkin")).when(CHAIR, new AskReadiness()).then();
      given(started()).when(ANNA, new AskReadiness()).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void aNewPhaseForgetsTheQuestion() {
      MeetingState next = given(started(), new ReadinessAsked("checkin")).when(CHAIR, new AdvancePhase(0)).thenState();
      assertThat(next.readinessAsked()).isFalse();
      assertThat(Readiness.expected(next)).isNull();
    }

    @Test
    void aSilentWritingPhaseWaitsForTheWritersWithoutBeingAsked() {
      List<Event> quiet = append(startedWith(QUIET), new PhaseChanged(0, 1, "write", 5));
      assertThat(Readiness.expected(Meeting.replay(MeetingState.NEW, quiet))).containsExactly(ANNA, BERT);
    }

    @Test
    void aCaseBringerWhoListensHasNothingToFinish() {
      MeetingState advice = Meeting.replay(MeetingState.NEW, append(withCase(), at(1, 4), new ReadinessAsked("advice")));
      assertThat(Readiness.expected(advice)).containsExactly(BERT);
    }
  }

  @Nested
  @DisplayName("the chair away")
  class ChairAway {
    @Test
    void withoutABackupPresentTheChairOpensForAnyone() {
      given(started()).when(Envelope.SERVER, new ChairTimedOut(CHAIR, false)).then(new ChairOpened(CHAIR));
      given(started(), new BackupChairNamed(BERT)).when(Envelope.SERVER, new ChairTimedOut(CHAIR, false))
          .then(new ChairOpened(CHAIR));
      given(started(), new ChairOpened(CHAIR)).when(Envelope.SERVER, new ChairTimedOut(CHAIR, false)).then();
    }

    @Test
    void theFirstToTakeTheOpenChairHasItAndTheNextIsToldWho() {
      MeetingState taken = given(started(), new ChairOpened(CHAIR)).when(ANNA, new TakeChair()).thenState();
      assertThat(taken.chairId()).isEqualTo(ANNA);
      assertThat(taken.chairOpen()).isFalse();
      assertThat(taken.formerChairId()).isEqualTo(CHAIR);
      given(started(), new ChairOpened(CHAIR)).when(ANNA, new TakeChair())
          .then(new ChairHandedOver(CHAIR, ANNA, "chair-taken"));
      Rejected late = given(started(), new ChairOpened(CHAIR), new ChairHandedOver(CHAIR, ANNA, "chair-taken"))
          .when(BERT, new TakeChair()).thenRejected(Reason.CONFLICT);
      assertThat(late.refusal()).isEqualTo(Refusal.CHAIR_TAKEN);
      assertThat(late.params()).containsEntry("name", "Anna");
    }

    @Test
    void theStateSaysWhoMayTakeTheOpenChair() {
      assertThat(People.mayTakeChair(Meeting.replay(MeetingState.NEW, append(started(), new ChairOpened(CHAIR)))))
          .containsExactly(ANNA, BERT);
      assertThat(People.mayTakeChair(Meeting.replay(MeetingState.NEW, started()))).isEmpty();
    }

    @Test
    void aChairThatIsNotOpenCannotBeTaken() {
      Rejected r = given(started()).when(ANNA, new TakeChair()).thenRejected(Reason.CONFLICT);
      assertThat(r.refusal()).isEqualTo(Refusal.CHAIR_NOT_OPEN);
      given(started(), new ChairOpened(CHAIR)).when(OLGA, new TakeChair()).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void aChairBackBeforeAnyoneTookItHasItAgain() {
      given(started(), new ChairOpened(CHAIR)).when(Envelope.SERVER, new ParticipantCameOnline(CHAIR))
          .then(new ChairReturned(CHAIR));
      given(started()).when(Envelope.SERVER, new ParticipantCameOnline(CHAIR)).then();
    }

    @Test
    void theReturningChairCanBeGivenTheChairBack() {
      MeetingState back = given(started(), new ChairHandedOver(CHAIR, BERT, "chair-offline"))
          .when(BERT, new HandOverChair(CHAIR)).thenState();
      assertThat(back.chairId()).isEqualTo(CHAIR);
      assertThat(back.formerChairId()).isNull();
    }
  }

  static List<Event> append(List<Event> history, Event... more) {
    List<Event> all = new ArrayList<>(history);
    all.addAll(List.of(more));
    return all;
  }
}
