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
      case AdvancePhase c -> movePhase(state, by, c.fromPhase(), c.fromPhase() + 1);
      case PreviousPhase c -> movePhase(state, by, c.fromPhase(), c.fromPhase() - 1);
      case StartTimer c -> Timers.start(by, c.seconds());
      case PauseTimer c -> Timers.pause(state, by);
      case ResumeTimer c -> Timers.resume(state, by);
      case ExtendTimer c -> Timers.extend(state, by, c.seconds());
      case AddCard c -> Board.add(state, by, c.text());
      case EditCard c -> Board.edit(state, by, c.cardId(), c.text());
      case DeleteCard c -> List.of(new CardDeleted(c.cardId()));
      case VoteCard c -> Board.vote(state, by, c.cardId());
      case UnvoteCard c -> Board.unvote(state, by, c.cardId());
      case RaiseHand c -> Turns.raise(state, by);
      case LowerHand c -> Turns.lower(state, by);
      case NextSpeaker c -> Turns.next(state, by);
      case PassTurn c -> Turns.pass(state, by);
      case StartRound c -> Turns.round(state, by);
      case EndMeeting c -> List.of(new MeetingEnded(by.at()));
    };
  }

  public static MeetingState evolve(MeetingState state, Event event) {
    return switch (event) {
      case MeetingStarted e -> new MeetingState(
          Status.OPEN, e.title(), e.locale(), e.joinCode(), e.agenda(), 0, null,
          List.of(e.chair()), List.of(), SpeakingOrder.EMPTY, null);
      case ParticipantJoined e -> state.withParticipant(e.participant());
      case PhaseChanged e -> state.withPhase(e.to());
      case TimerChanged e -> state.withTimer(e.timer());
      case CardAdded e -> {
        List<Card> cards = new ArrayList<>(state.cards());
        cards.add(e.card());
        yield state.withCards(cards);
      }
      case CardEdited e -> state.withCard(e.cardId(), card -> card.withText(e.text(), e.at()));
      case CardDeleted e -> state.withCards(state.cards().stream().filter(c -> !c.id().equals(e.cardId())).toList());
      case CardVoted e -> state.withCard(e.cardId(), card -> card.withVoters(plus(card.voters(), e.participantId())));
      case CardUnvoted e -> state.withCard(e.cardId(), card -> card.withVoters(minus(card.voters(), e.participantId())));
      case SpeakingChanged e -> state.withSpeaking(e.speaking());
      case MeetingEnded e -> state.with(Status.ENDED, e.at());
    };
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
      throw Rejected.badRequest("a meeting needs a join code and an agenda");
    }
    Language locale = c.locale() == null ? Language.NL : c.locale();
    Participant chair = new Participant(by.actorId(), chairName, Role.CHAIR);
    return List.of(new MeetingStarted(title, locale, c.joinCode(), chair, c.agenda(), by.at()));
  }

  private static List<Event> join(MeetingState state, Envelope by, JoinMeeting c) {
    String name = Texts.required("name", c.name(), Limits.NAME);
    if (state.participants().size() >= Limits.PARTICIPANTS) {
      throw Rejected.conflict("this meeting is full (" + Limits.PARTICIPANTS + " people)");
    }
    Role role = c.role() == null ? Role.PARTICIPANT : c.role();
    return List.of(new ParticipantJoined(new Participant(by.actorId(), name, role), by.at()));
  }

  private static List<Event> movePhase(MeetingState state, Envelope by, int fromPhase, int to) {
    if (fromPhase != state.phaseIndex()) {
      throw Rejected.conflict("the meeting is no longer in phase " + fromPhase + " but in phase " + state.phaseIndex());
    }
    if (to < 0) {
      throw Rejected.conflict("this is already the first phase");
    }
    if (to > state.agenda().lastIndex()) {
      throw Rejected.conflict("this is already the last phase; end the meeting instead");
    }
    return List.of(new PhaseChanged(fromPhase, to, state.agenda().phase(to).id(), by.at()));
  }

  private static List<String> plus(List<String> list, String id) {
    List<String> copy = new ArrayList<>(list);
    copy.add(id);
    return copy;
  }

  private static List<String> minus(List<String> list, String id) {
    List<String> copy = new ArrayList<>(list);
    copy.remove(id);
    return copy;
  }
}
