package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules that keep each phase of the method honest. Anna is the case-bringer in these meetings. */
class MethodEngineTest {

  @Nested
  @DisplayName("choosing the case")
  class ChoosingTheCase {
    @Test
    void theChairChoosesALearningQuestionAndItsAuthorBringsTheCase() {
      given(started(), at(0, 1), new CardAdded(card("c-lq", ANNA, "How do I say no?")))
          .when(CHAIR, new ChooseLearningQuestion("c-lq")).then(new LearningQuestionChosen("c-lq", ANNA));
    }

    @Test
    void onlyALearningQuestionCanBeChosenAndOnlyByTheChair() {
      List<Event> history = new ArrayList<>(started());
      history.add(at(0, 5));
      history.add(new CardAdded(new Card("c-ap", "action-point", "actions", BERT, "call", List.of(), 1, null,
          false, false, false, null, false, false, BERT)));
      given(history).when(CHAIR, new ChooseLearningQuestion("c-ap")).thenRejected(Reason.CONFLICT);
      given(started(), at(0, 1), new CardAdded(card("c-lq", ANNA, "q"))).when(BERT, new ChooseLearningQuestion("c-lq"))
          .thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void theChairCanAlsoNameTheCaseBringerDirectly() {
      given(started()).when(CHAIR, new ChooseCaseBringer(BERT)).then(new CaseBringerChosen(BERT));
      given(started()).when(CHAIR, new ChooseCaseBringer(OLGA)).thenRejected(Reason.CONFLICT);
    }
  }

  @Nested
  @DisplayName("who speaks")
  class WhoSpeaks {
    @Test
    void theCaseBringersPhaseGivesThemTheFloorAlone() {
      given(withCase()).at(7).when(CHAIR, new AdvancePhase(1)).then(
          new PhaseChanged(1, 2, "story", 7),
          new SpeakingChanged(SpeakingChange.PHASE_ENTERED, CHAIR, order(ANNA)));
    }

    @Test
    void othersCannotRaiseTheirHandWhileTheCaseBringerTellsTheirStory() {
      Rejected r = given(withCase(), at(1, 2)).when(BERT, new RaiseHand()).thenRejected(Reason.FORBIDDEN);
      assertThat(r.getMessage()).contains("only the case-bringer speaks");
    }

    @Test
    void aRoundInTheMethodLeavesTheCaseBringerOut() {
      given(withCase(), at(1, 3)).at(8).when(CHAIR, new AdvancePhase(3)).then(
          new PhaseChanged(3, 4, "advice", 8),
          new SpeakingChanged(SpeakingChange.PHASE_ENTERED, CHAIR, order(CHAIR, BERT)));
    }

    @Test
    void aRoundOutsideTheMethodIncludesEveryone() {
      given(withCase(), at(1, 4)).at(8).when(CHAIR, new AdvancePhase(4)).then(
          new PhaseChanged(4, 5, "actions", 8),
          new SpeakingChanged(SpeakingChange.PHASE_ENTERED, CHAIR, order(CHAIR, ANNA, BERT)));
    }

    @Test
    void inTheirOwnPhaseTheCaseBringerWritesWhatThePhaseCollects() {
      Phase core = new Phase("core", new Text("Kern", "Core"), new Text("", ""), Speaking.CASE_BRINGER,
          List.of("hypothesis"), false, false, 5);
      Agenda agenda = new Agenda("m", new Text("M", "M"), List.of(phase("learning", Speaking.ROUND)), List.of(core), List.of());
      List<Event> history = new ArrayList<>(startedWith(agenda));
      history.add(new CaseBringerChosen(ANNA));
      history.add(new PhaseChanged(0, 1, "core", 1));
      given(history).when(ANNA, new AddCard("The core is trust", null, null)).thenState();
      given(history).when(ANNA, new RaiseHand()).thenState();
    }

    @Test
    void theCaseBringerListensWhileTheGroupAdvises() {
      Rejected r = given(withCase(), at(1, 4)).when(ANNA, new RaiseHand()).thenRejected(Reason.FORBIDDEN);
      assertThat(r.getMessage()).contains("listens");
    }

    @Test
    void theChairReordersAndQueuesSpeakers() {
      Event round = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, order(CHAIR, ANNA, BERT));
      given(started(), round).when(CHAIR, new ReorderSpeakers(List.of(BERT, ANNA)))
          .then(new SpeakingChanged(SpeakingChange.REORDERED, CHAIR, order(CHAIR, BERT, ANNA)));
      given(started(), round).when(CHAIR, new ReorderSpeakers(List.of(BERT, BERT))).thenRejected(Reason.BAD_REQUEST);
      given(started()).when(CHAIR, new QueueSpeaker(BERT))
          .then(new SpeakingChanged(SpeakingChange.QUEUED, CHAIR, raised(BERT)));
      given(started()).when(ANNA, new QueueSpeaker(BERT)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void withATimePerTurnEachNewSpeakerGetsADeadline() {
      Event round = new SpeakingChanged(SpeakingChange.ROUND_STARTED, CHAIR, order(CHAIR, ANNA, BERT));
      given(started(), round).when(CHAIR, new SetTurnTime(90)).then(new TurnTimeSet(90));
      given(started(), round, new TurnTimeSet(90)).at(1_000).when(CHAIR, new NextSpeaker())
          .then(new SpeakingChanged(SpeakingChange.NEXT_SPEAKER, CHAIR,
              new SpeakingOrder(ANNA, List.of(BERT), List.of(), 91_000L)));
      given(started()).when(CHAIR, new SetTurnTime(-1)).thenRejected(Reason.BAD_REQUEST);
    }
  }

  @Nested
  @DisplayName("what goes on the board")
  class WhatGoesOnTheBoard {
    @Test
    void aPhaseThatCollectsNothingRefusesCardsAndSaysWhy() {
      Rejected r = given(started()).when(BERT, new AddCard("hello", null, null)).thenRejected(Reason.FORBIDDEN);
      assertThat(r.getMessage()).contains("collects no cards");
    }

    @Test
    void aKindThePhaseDoesNotCollectIsRefused() {
      Rejected r = given(withCase(), at(1, 3)).when(BERT, new AddCard("do this", "advice", null))
          .thenRejected(Reason.FORBIDDEN);
      assertThat(r.getMessage()).contains("collects information-question, not advice");
    }

    @Test
    void theCaseBringerDoesNotAdviseOnTheirOwnCase() {
      given(withCase(), at(1, 4)).when(ANNA, new AddCard("I should...", null, null)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void anActionPointHasAnOwnerTheAuthorByDefault() {
      MeetingState state = given(withCase(), at(1, 5)).when(ANNA, new AddCard("Talk to my manager", null, null)).thenState();
      assertThat(state.cards().get(1).ownerId()).isEqualTo(ANNA);
      MeetingState assigned = given(withCase(), at(1, 5)).when(CHAIR, new AddCard("Send notes", "action-point", BERT))
          .thenState();
      assertThat(assigned.cards().get(1).ownerId()).isEqualTo(BERT);
      given(withCase(), at(1, 5)).when(CHAIR, new AddCard("thanks", "recognition", BERT)).thenRejected(Reason.BAD_REQUEST);
      given(withCase(), at(1, 5)).when(CHAIR, new AddCard("x", "action-point", "p-nobody")).thenRejected(Reason.NOT_FOUND);
    }

    @Test
    void theCaseBringerRatesCardsAndMarksOneKeyQuestion() {
      List<Event> history = new ArrayList<>(withCase());
      history.add(at(1, 3));
      history.add(new CardAdded(new Card("c-q1", "information-question", "questions", BERT, "q1", List.of(), 1, null,
          false, false, false, null, false, false, null)));
      history.add(new CardAdded(new Card("c-q2", "information-question", "questions", CHAIR, "q2", List.of(), 1, null,
          false, false, false, null, false, false, null)));
      given(history).when(ANNA, new RateCard("c-q1", Card.Rating.WARM)).then(new CardRated("c-q1", Card.Rating.WARM));
      given(history).when(BERT, new RateCard("c-q1", Card.Rating.COLD)).thenRejected(Reason.FORBIDDEN);
      MeetingState keyed = given(history, new KeyQuestionMarked("c-q1")).when(ANNA, new MarkKeyQuestion("c-q2")).thenState();
      assertThat(keyed.cards()).filteredOn(Card::key).extracting(Card::id).containsExactly("c-q2");
      given(history).when(CHAIR, new MarkAnswered("c-q1", true)).then(new CardAnswered("c-q1", true));
      given(history).when(ANNA, new MarkAnswered("c-q1", true)).then(new CardAnswered("c-q1", true));
      given(history).when(BERT, new MarkAnswered("c-q1", true)).thenRejected(Reason.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("silent and anonymous phases")
  class SilentAndAnonymous {
    List<Event> writing() {
      List<Event> events = new ArrayList<>(startedWith(QUIET));
      events.add(new CaseBringerChosen(ANNA));
      events.add(new PhaseChanged(0, 1, "write", 1));
      return events;
    }

    @Test
    void cardsWrittenInSilenceStayWithTheirAuthorUntilTheChairRevealsThem() {
      MeetingState state = given(writing()).when(BERT, new AddCard("Who decided?", null, null)).thenState();
      Card card = state.cards().get(0);
      assertThat(card.hidden()).isTrue();
      Participant bert = state.participant(BERT).orElseThrow();
      Participant anna = state.participant(ANNA).orElseThrow();
      Participant chair = state.participant(CHAIR).orElseThrow();
      assertThat(Visibility.stateFor(state, bert).cards()).extracting(Card::text).containsExactly("Who decided?");
      assertThat(Visibility.stateFor(state, anna).cards()).isEmpty();
      Card placeholder = Visibility.stateFor(state, chair).cards().get(0);
      assertThat(placeholder.text()).isNull();
      assertThat(placeholder.authorId()).isEqualTo(BERT);

      List<Event> revealed = Meeting.decide(state, new Envelope(CHAIR, 5, "x"), new RevealCards());
      MeetingState after = Meeting.replay(state, revealed);
      assertThat(Visibility.stateFor(after, anna).cards()).extracting(Card::text).containsExactly("Who decided?");
      assertThat(Visibility.eventsFor(revealed, anna, after)).singleElement()
          .isInstanceOfSatisfying(CardsRevealed.class, e -> assertThat(e.cards().get(0).text()).isEqualTo("Who decided?"));
    }

    @Test
    void aHiddenCardCannotBeTouchedByThoseWhoCannotSeeIt() {
      Event added = new CardAdded(hidden(new Card("c-h", "information-question", "write", BERT, "secret", List.of(), 1,
          null, false, false, false, null, false, false, null)));
      given(writing(), added).when(ANNA, new VoteCard("c-h")).thenRejected(Reason.NOT_FOUND);
      given(writing(), added).when(ANNA, new RateCard("c-h", Card.Rating.WARM)).thenRejected(Reason.NOT_FOUND);
      given(writing(), added).when(BERT, new VoteCard("c-h")).then(new CardVoted("c-h", BERT));
    }

    @Test
    void nobodyButTheAuthorLearnsWhoWroteAnAnonymousCardUntilTheySayItIsTheirs() {
      List<Event> history = new ArrayList<>(writing());
      history.add(new PhaseChanged(1, 2, "whisper", 2));
      MeetingState state = given(history).when(BERT, new AddCard("Maybe fear of conflict", null, null)).thenState();
      Participant chair = state.participant(CHAIR).orElseThrow();
      Participant bert = state.participant(BERT).orElseThrow();
      assertThat(Visibility.stateFor(state, chair).cards().get(0).authorId()).isNull();
      assertThat(Visibility.stateFor(state, chair).cards().get(0).text()).isEqualTo("Maybe fear of conflict");
      assertThat(Visibility.stateFor(state, bert).cards().get(0).authorId()).isEqualTo(BERT);
      String cardId = state.cards().get(0).id();
      MeetingState owned = Meeting.replay(state, Meeting.decide(state, new Envelope(BERT, 3, "y"), new RevealAuthor(cardId)));
      assertThat(Visibility.stateFor(owned, chair).cards().get(0).authorId()).isEqualTo(BERT);
      Card other = state.cards().get(0);
      given(history, new CardAdded(other)).when(CHAIR, new RevealAuthor(cardId)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void someoneComingBackNeverSeesTheDraftsOfAHiddenCard() {
      Card secret = hidden(new Card("c-h", "information-question", "write", BERT, "draft one", List.of(), 1, null,
          false, false, false, null, false, false, null));
      List<Event> history = new ArrayList<>(writing());
      history.add(new CardAdded(secret));
      Event edited = new CardEdited("c-h", "draft two", 2, true);
      history.add(edited);
      Participant anna = new Participant(ANNA, "Anna", Role.PARTICIPANT);
      MeetingState revealed = Meeting.replay(MeetingState.NEW, history);
      revealed = Meeting.replay(revealed, Meeting.decide(revealed, new Envelope(CHAIR, 3, "x"), new RevealCards()));
      assertThat(Visibility.eventsFor(List.of(edited), anna, revealed)).isEmpty();
      MeetingState deleted = Meeting.replay(Meeting.replay(MeetingState.NEW, history), List.of(new CardDeleted("c-h")));
      assertThat(Visibility.eventsFor(List.of(edited), anna, deleted)).isEmpty();
      Participant bert = new Participant(BERT, "Bert", Role.PARTICIPANT);
      assertThat(Visibility.eventsFor(List.of(edited), bert, revealed)).containsExactly(edited);
    }

    @Test
    void whatHappensToAHiddenCardStaysWithItsAuthor() {
      Card secret = hidden(anonymous(new Card("c-h", "information-question", "write", BERT, "x", List.of(), 1, null,
          false, false, false, null, false, false, null)));
      MeetingState state = Meeting.replay(MeetingState.NEW, writing());
      state = Meeting.replay(state, List.of(new CardAdded(secret), new AuthorRevealed("c-h", BERT)));
      Participant anna = new Participant(ANNA, "Anna", Role.PARTICIPANT);
      assertThat(Visibility.eventsFor(List.of(new AuthorRevealed("c-h", BERT)), anna, state)).isEmpty();
      assertThat(Visibility.eventsFor(List.of(new KeyQuestionMarked("c-h")), anna, state))
          .containsExactly(new KeyQuestionMarked(null));
    }

    @Test
    void revealingShowsHiddenCardsOfEarlierPhasesToo() {
      Card secret = hidden(new Card("c-h", "information-question", "write", BERT, "late", List.of(), 1, null,
          false, false, false, null, false, false, null));
      MeetingState state = given(writing(), new CardAdded(secret), new PhaseChanged(1, 2, "whisper", 2))
          .when(CHAIR, new RevealCards()).thenState();
      assertThat(state.card("c-h").orElseThrow().hidden()).isFalse();
    }

    /** Issue 15: one event carried the cards of every phase under the current phase's id. */
    @Test
    void eachPhasesCardsAreRevealedUnderTheirOwnPhase() {
      Card early = hidden(new Card("c-h", "information-question", "write", BERT, "early", List.of(), 1, null,
          false, false, false, null, false, false, null));
      Card late = hidden(new Card("c-w", "hypothesis", "whisper", ANNA, "late", List.of(), 3, null,
          false, false, false, null, false, false, null));
      Card early2 = hidden(new Card("c-h2", "information-question", "write", ANNA, "early too", List.of(), 4, null,
          false, false, false, null, false, false, null));
      given(writing(), new CardAdded(early), new PhaseChanged(1, 2, "whisper", 2), new CardAdded(late),
          new CardAdded(early2))
          .when(CHAIR, new RevealCards())
          .then(new CardsRevealed("write", List.of(early.revealed(), early2.revealed())),
              new CardsRevealed("whisper", List.of(late.revealed())));
    }

    @Test
    void observersDoNotSeeTheJoinCodeEvenWhenInvitationsAreOpen() {
      MeetingState state = Meeting.evolve(Meeting.replay(MeetingState.NEW, started()), new InvitationsOpened(true));
      Participant olga = state.participant(OLGA).orElseThrow();
      Participant anna = state.participant(ANNA).orElseThrow();
      assertThat(Visibility.stateFor(state, olga).joinCode()).isNull();
      assertThat(Visibility.stateFor(state, anna).joinCode()).isEqualTo(CODE);
      assertThat(Visibility.eventsFor(List.of(STARTED), olga, state).get(0)).isInstanceOfSatisfying(MeetingStarted.class,
          e -> assertThat(e.joinCode()).isNull());
    }
  }

  @Nested
  @DisplayName("the agenda")
  class TheAgenda {
    Method custom(String... phaseIds) {
      List<Phase> phases = new ArrayList<>();
      for (String id : phaseIds) {
        phases.add(phase(id, Speaking.ROUND, "advice"));
      }
      return new Method("own", new Text("Eigen", "Own"), null, phases);
    }

    @Test
    void theChairPicksAnotherMethodBeforeTheMethodStarts() {
      MeetingState state = given(started()).when(CHAIR, new ChooseMethod(null, custom("one", "two"))).thenState();
      assertThat(state.agenda().phases()).extracting(Phase::id).containsExactly("checkin", "learning", "one", "two", "actions");
      given(started(), at(0, 2)).when(CHAIR, new ChooseMethod(null, custom("one"))).thenRejected(Reason.CONFLICT);
    }

    @Test
    void aCustomMethodIsCheckedWithAClearError() {
      assertThat(given(started()).when(CHAIR, new ChooseMethod(null, custom("one", "one"))).thenRejected(Reason.BAD_REQUEST)
          .getMessage()).contains("phases[1].id 'one' is used twice");
      assertThat(given(started()).when(CHAIR, new ChooseMethod(null, custom("checkin"))).thenRejected(Reason.BAD_REQUEST)
          .getMessage()).contains("phases[0].id 'checkin' is used twice");
      assertThat(given(started()).when(CHAIR, new ChooseMethod(null, custom("Bad Id"))).thenRejected(Reason.BAD_REQUEST)
          .getMessage()).contains("phases[0].id must be");
      String[] many = new String[MethodRules.MAX_PHASES + 1];
      for (int i = 0; i < many.length; i++) {
        many[i] = "p" + i;
      }
      given(started()).when(CHAIR, new ChooseMethod(null, custom(many))).thenRejected(Reason.BAD_REQUEST);
      Method badKind = new Method("own", new Text("Eigen", "Own"), null,
          List.of(new Phase("x", new Text("x", "x"), null, Speaking.FREE, List.of("gossip"), false, false, null)));
      assertThat(given(started()).when(CHAIR, new ChooseMethod(null, badKind)).thenRejected(Reason.BAD_REQUEST)
          .getMessage()).contains("'gossip' is not a card kind");
    }

    @Test
    void theChairSkipsMovesAndRetimesPhasesStillToCome() {
      given(started(), at(0, 2)).when(CHAIR, new SkipPhase("questions")).then(new PhaseSkipped("questions"));
      given(started(), at(0, 2)).when(CHAIR, new SkipPhase("story")).thenRejected(Reason.CONFLICT);
      MeetingState moved = given(started(), at(0, 2)).when(CHAIR, new MovePhase("advice", 3)).thenState();
      assertThat(moved.agenda().phases()).extracting(Phase::id)
          .containsExactly("checkin", "learning", "story", "advice", "questions", "actions");
      given(started(), at(0, 2)).when(CHAIR, new MovePhase("advice", 5)).thenRejected(Reason.CONFLICT);
      MeetingState retimed = given(started()).when(CHAIR, new RetimePhase("advice", 12)).thenState();
      assertThat(retimed.agenda().phase(4).minutes()).isEqualTo(12);
      given(started()).when(CHAIR, new RetimePhase("advice", 0)).thenRejected(Reason.BAD_REQUEST);
      given(started()).when(CHAIR, new RetimePhase("nope", 5)).thenRejected(Reason.NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("roles")
  class Roles {
    @Test
    void theChairHandsOverTheChair() {
      MeetingState state = given(started()).when(CHAIR, new HandOverChair(BERT)).thenState();
      assertThat(state.chairId()).isEqualTo(BERT);
      assertThat(state.participant(CHAIR).orElseThrow().role()).isEqualTo(Role.PARTICIPANT);
      given(started()).when(CHAIR, new HandOverChair(OLGA)).thenRejected(Reason.CONFLICT);
    }

    @Test
    void aNamedBackupTakesOverWhenTheServerSaysTheChairIsGone() {
      given(started()).when(CHAIR, new NameBackupChair(BERT)).then(new BackupChairNamed(BERT));
      given(started(), new BackupChairNamed(BERT)).when(Envelope.SERVER, new ChairTimedOut(CHAIR))
          .then(new ChairHandedOver(CHAIR, BERT, "chair-offline"));
      given(started()).when(Envelope.SERVER, new ChairTimedOut(CHAIR)).then(new ChairOpened(CHAIR));
      given(started(), new BackupChairNamed(BERT)).when(BERT, new ChairTimedOut(CHAIR)).thenRejected(Reason.FORBIDDEN);
    }

    @Test
    void whenTheCaseBringerDropsOutTheTimerPausesAndSaysWhy() {
      Event running = new TimerChanged(TimerChange.STARTED, Timer.running(600_000, 700_000), null);
      given(withCase(), running).at(400_000).when(Envelope.SERVER, new ParticipantWentOffline(ANNA))
          .then(new TimerChanged(TimerChange.PAUSED, new Timer(600_000, null, 300_000L, "case-bringer-offline"),
              "case-bringer-offline"));
      given(withCase(), running).when(Envelope.SERVER, new ParticipantWentOffline(BERT)).then();
      given(withCase()).when(Envelope.SERVER, new ParticipantWentOffline(ANNA)).then();
    }
  }

  @Test
  void theSummaryListsTheCaseTheCardsAndTheActionPoints() {
    List<Event> history = new ArrayList<>(withCase());
    history.add(at(1, 5));
    history.add(new CardAdded(new Card("c-ap", "action-point", "actions", ANNA, "Plan a talk\nwith my manager", List.of(),
        1, null, false, false, false, null, false, false, BERT)));
    MeetingState state = Meeting.replay(MeetingState.NEW, history);
    String md = Summary.markdown(state, state.participant(CHAIR).orElseThrow());
    assertThat(md).contains("# Team intervision", "> How do I say no to my manager?", "- [ ] Plan a talk / with my manager (eigenaar: Bert)");
    assertThat(Summary.mayRead(state, ANNA)).isTrue();
    assertThat(Summary.mayRead(state, BERT)).as("every member reads the summary").isTrue();
    assertThat(Summary.mayRead(state, "p-stranger")).isFalse();
  }

  @Test
  void everyCardKindOfTheCatalogueIsOneTheServerKnows() {
    assertThat(CardKind.ALL).containsAll(Set.of("learning-question", "advice", "action-point"));
  }
}
