package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.MeetingState.Status;

/**
 * The rules of a meeting as two plain functions: {@link #decide} turns a command into events or
 * refuses it, {@link #evolve} folds an event into the state. No clock, no randomness, no I/O.
 */
public final class Meeting {
  private Meeting() {}

  /**
   * @return the events the command produces; empty when it changes nothing (raising a hand that is already up)
   * @throws Rejected when the command is not allowed or not valid; nothing changes then
   */
  public static List<Event> decide(MeetingState state, Envelope by, Command command) {
    Permissions.check(state, by.actorId(), command);
    return switch (command) {
      case StartMeeting c -> start(by, c);
      case JoinMeeting c -> join(state, by, c);
      case ParticipantWentOffline c -> People.wentOffline(state, by, c.participantId());
      case ChairTimedOut c -> People.chairTimedOut(state, c.chairId(), !Boolean.FALSE.equals(c.backupOnline()));
      case ParticipantCameOnline c -> People.cameOnline(state, by, c.participantId());
      case OrganiserArrived c -> People.organiserArrived(state, c.participantId());
      case CaseBringerArrived c -> People.caseBringerArrived(state, c.participantId());
      case AdvancePhase c -> Phases.move(state, by, c.fromPhase(), c.fromPhase() + 1);
      case PreviousPhase c -> Phases.move(state, by, c.fromPhase(), c.fromPhase() - 1);
      case ChooseMethod c -> Phases.chooseMethod(state, c.method());
      case SkipPhase c -> Phases.skip(state, c.phaseId());
      case MovePhase c -> Phases.relocate(state, c.phaseId(), c.toIndex());
      case RetimePhase c -> Phases.retime(state, c.phaseId(), c.minutes());
      case MarkDone c -> Phases.ready(state, by, true);
      case MarkNotDone c -> Phases.ready(state, by, false);
      case AskReadiness c -> Readiness.ask(state);
      case StartTimer c -> Timers.start(by, c.seconds());
      case PauseTimer c -> Timers.pause(state, by);
      case ResumeTimer c -> Timers.resume(state, by);
      case ExtendTimer c -> Timers.extend(state, by, c.seconds());
      case AddCard c -> Board.add(state, by, c);
      case EditCard c -> Board.edit(state, by, c.cardId(), c.text());
      case DeleteCard c -> List.of(new CardDeleted(c.cardId(),
          state.card(c.cardId()).filter(Card::hidden).map(Card::authorId).orElse(null)));
      case VoteCard c -> Board.vote(state, by, c.cardId());
      case UnvoteCard c -> Board.unvote(state, by, c.cardId());
      case RevealCards c -> Board.reveal(state);
      case RevealAuthor c -> Board.revealAuthor(state, by, c.cardId());
      case RateCard c -> Board.rate(state, by, c.cardId(), c.rating());
      case MarkKeyQuestion c -> Board.markKey(state, by, c.cardId());
      case MarkAnswered c -> Board.markAnswered(state, by, c.cardId(), c.answered());
      case ChooseLearningQuestion c -> Board.chooseLearningQuestion(state, by, c.cardId());
      case AssignActionPoint c -> ActionPoints.assign(state, by, c.cardId(), c.ownerId());
      case MarkActionPointDone c -> ActionPoints.markDone(state, by, c.cardId(), c.done());
      case MarkCarriedPoint c -> CarriedPoints.mark(state, c.pointId(), c.status());
      case SetVoteBudget c -> Board.setVoteBudget(state, c.votes());
      case GiveEvaluation c -> Closing.evaluate(state, by, c.score(), c.word());
      case ChooseCaseBringer c -> People.chooseCaseBringer(state, c.participantId());
      case HandOverChair c -> People.handOverChair(state, by, c.participantId());
      case TakeChair c -> People.takeChair(state, by);
      case NameBackupChair c -> People.nameBackupChair(state, by, c.participantId());
      case OpenInvitations c -> state.invitesOpen() == c.open() ? List.of() : List.of(new InvitationsOpened(c.open()));
      case RemoveParticipant c -> People.remove(state, by, c.participantId());
      case RaiseHand c -> Turns.raise(state, by);
      case LowerHand c -> Turns.lower(state, by);
      case NextSpeaker c -> Turns.next(state, by);
      case PassTurn c -> Turns.pass(state, by);
      case FinishTurn c -> Turns.finish(state, by);
      case StartRound c -> Turns.round(state, by);
      case ReorderSpeakers c -> Turns.reorder(state, by, c.queue());
      case QueueSpeaker c -> Turns.queue(state, by, c.participantId());
      case SetTurnTime c -> Turns.turnTime(state, c.seconds());
      case EndMeeting c -> List.of(new MeetingEnded(by.at(), Boolean.TRUE.equals(c.erase()) ? true : null));
      case EraseMeeting c -> List.of(new MeetingEnded(state.endedAt() == null ? by.at() : state.endedAt(), true));
    };
  }

  public static MeetingState evolve(MeetingState state, Event event) {
    MeetingState.Builder next = state.edit();
    switch (event) {
      case MeetingStarted e -> {
        next.status = Status.OPEN;
        next.title = e.title();
        next.locale = e.locale();
        next.joinCode = e.joinCode();
        next.agenda = e.agenda();
        next.participants = List.of(e.chair());
        next.groupId = e.group();
        next.carried = e.carried() == null ? List.of() : e.carried();
      }
      case ParticipantJoined e -> next.participants = plus(state.participants(), e.participant());
      case PhaseChanged e -> {
        next.phaseIndex = e.to();
        next.timer = null;
        next.speaking = SpeakingOrder.EMPTY;
        next.done = List.of();
        next.readinessAsked = false;
        next.wrote = SilentWriting.writers(next.build());
      }
      case MethodChosen e -> next.agenda = state.agenda().withMethod(e.method());
      case PhaseSkipped e -> next.agenda = state.agenda().without(state.agenda().indexOf(e.phaseId()));
      case PhaseMoved e -> next.agenda = state.agenda().moved(state.agenda().indexOf(e.phaseId()), e.toIndex());
      case PhaseRetimed e -> next.agenda = state.agenda().retimed(state.agenda().indexOf(e.phaseId()), e.minutes());
      case ReadinessAsked e -> next.readinessAsked = true;
      case ReadinessChanged e -> next.done = e.done() ? plus(state.done(), e.participantId()) : minus(state.done(), e.participantId());
      case TimerChanged e -> next.timer = e.timer();
      case CardAdded e -> {
        next.cards = plus(state.cards(), e.card());
        if (e.card().phaseId().equals(state.phase().id()) && !state.wrote().contains(e.card().authorId())) {
          next.wrote = plus(state.wrote(), e.card().authorId());
        }
      }
      case CardEdited e -> next.card(e.cardId(), card -> card.withText(e.text(), e.at()));
      case CardDeleted e -> {
        next.cards = state.cards().stream().filter(c -> !c.id().equals(e.cardId())).toList();
        if (e.cardId().equals(state.learningQuestionId())) {
          next.learningQuestionId = null;
        }
        next.wrote = SilentWriting.writers(next.build());
      }
      case CardVoted e -> next.card(e.cardId(), card -> card.withVoters(plus(card.voters(), e.participantId())));
      case CardUnvoted e -> next.card(e.cardId(), card -> card.withVoters(minus(card.voters(), e.participantId())));
      case CardsRevealed e -> e.cards().forEach(revealed -> next.card(revealed.id(), Card::revealed));
      case AuthorRevealed e -> next.card(e.cardId(), Card::withAuthorRevealed);
      case CardRated e -> next.card(e.cardId(), card -> card.withRating(e.rating()));
      case KeyQuestionMarked e -> next.cards = state.cards().stream()
          .map(card -> card.key() == card.id().equals(e.cardId()) ? card : card.withKey(!card.key())).toList();
      case CardAnswered e -> next.card(e.cardId(), card -> card.withAnswered(e.answered()));
      case LearningQuestionChosen e -> {
        next.learningQuestionId = e.cardId();
        next.caseBringerId = e.caseBringerId();
      }
      case ActionPointAssigned e -> next.card(e.cardId(), card -> card.withOwner(e.ownerId()));
      case ActionPointDone e -> next.card(e.cardId(), card -> card.withDone(e.done()));
      case CarriedPointMarked e -> next.carried = state.carried().stream()
          .map(point -> point.id().equals(e.pointId()) ? point.withStatus(e.status()) : point).toList();
      case VoteBudgetSet e -> {
        java.util.Map<String, Integer> budgets = new java.util.HashMap<>(state.voteBudgets());
        if (e.votes() == null) {
          budgets.remove(e.phaseId());
        } else {
          budgets.put(e.phaseId(), e.votes());
        }
        next.voteBudgets = budgets;
      }
      case EvaluationGiven e -> {
        Evaluation given = new Evaluation(e.participantId(), e.score(), e.word());
        next.evaluations = state.evaluation(e.participantId()).isPresent()
            ? state.evaluations().stream().map(old -> old.participantId().equals(e.participantId()) ? given : old).toList()
            : plus(state.evaluations(), given);
      }
      case CaseBringerChosen e -> next.caseBringerId = e.participantId();
      case ChairHandedOver e -> {
        next.participant(e.from(), p -> p.withRole(Role.PARTICIPANT));
        next.participant(e.to(), p -> p.withRole(Role.CHAIR));
        if (e.to().equals(state.backupChairId())) {
          next.backupChairId = null;
        }
        next.chairOpen = false;
        next.formerChairId = People.tookOverFromAbsent(e.reason()) ? e.from() : null;
      }
      case BackupChairNamed e -> next.backupChairId = e.participantId();
      case InvitationsOpened e -> next.invitesOpen = e.open();
      case ChairOpened e -> next.chairOpen = true;
      case ChairReturned e -> next.chairOpen = false;
      case PresenceRecorded e -> { }
      case ParticipantRemoved e -> {
        next.participants = state.participants().stream().filter(p -> !p.id().equals(e.participantId())).toList();
        next.done = minus(state.done(), e.participantId());
        next.speaking = e.speaking();
        if (e.participantId().equals(state.caseBringerId())) {
          next.caseBringerId = null;
        }
        if (e.participantId().equals(state.backupChairId())) {
          next.backupChairId = null;
        }
        if (e.participantId().equals(state.formerChairId())) {
          next.formerChairId = null;
        }
      }
      case SpeakingChanged e -> next.speaking = e.speaking();
      case TurnTimeSet e -> next.turnSeconds = e.seconds();
      case MeetingEnded e -> {
        next.status = Status.ENDED;
        next.endedAt = e.at();
      }
    }
    return next.build();
  }

  public static MeetingState replay(MeetingState state, List<Event> events) {
    MeetingState result = state;
    for (Event event : events) {
      result = evolve(result, event);
    }
    return result;
  }

  private static List<Event> start(Envelope by, StartMeeting c) {
    String title = Texts.required("title", c.title(), Limits.TITLE);
    String chairName = Texts.required("chairName", c.chairName(), Limits.NAME);
    if (c.joinCode() == null || c.joinCode().isBlank() || c.agenda() == null) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND, "a meeting needs a join code and an agenda");
    }
    Language locale = c.locale() == null ? Language.NL : c.locale();
    Participant chair = new Participant(by.actorId(), chairName, Role.CHAIR);
    List<CarriedPoint> carried = CarriedPoints.checked(c.carried());
    return List.of(new MeetingStarted(title, locale, c.joinCode(), chair, c.agenda(), by.at(), c.group(),
        carried.isEmpty() ? null : carried));
  }

  private static List<Event> join(MeetingState state, Envelope by, JoinMeeting c) {
    String name = Texts.required("name", c.name(), Limits.NAME);
    if (!c.sameName()) {
      People.refuseNameTaken(state, name);
    }
    if (state.participants().size() >= Limits.PARTICIPANTS) {
      throw Rejected.conflict(Refusal.MEETING_FULL, "this meeting is full (" + Limits.PARTICIPANTS + " people)",
          "max", Limits.PARTICIPANTS);
    }
    Role role = c.role() == null ? Role.PARTICIPANT : c.role();
    Participant newcomer = new Participant(by.actorId(), name, role);
    List<Event> events = new ArrayList<>(2);
    events.add(new ParticipantJoined(newcomer, by.at()));
    events.addAll(Turns.joiningRound(state, by, newcomer));
    return events;
  }

  static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }

  static <T> List<T> minus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.remove(item);
    return copy;
  }
}
