package nl.intervision.panel.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.MeetingState.Status;

/**
 * Who may do what: the only place that decides whether an actor may send a command at all.
 * The role is read from the meeting's state, not from the token, so a change of chair or
 * case-bringer takes effect at once. Rules about the content of a command (is this card kind
 * collected now?) live with the rule itself.
 */
public final class Permissions {
  private Permissions() {}

  private enum Who { CREATOR, NEWCOMER, SERVER, MEMBER, CHAIR, CASE_BRINGER, CHAIR_OR_CASE_BRINGER }

  public static void check(MeetingState state, String actorId, Command command) {
    Who who = who(command);
    if (who == Who.CREATOR) {
      if (state.status() != Status.NEW) {
        throw Rejected.conflict(Refusal.MEETING_EXISTS, "this meeting already exists");
      }
      return;
    }
    if (state.status() == Status.NEW) {
      throw Rejected.notFound(Refusal.MEETING_NOT_FOUND, "no such meeting");
    }
    if (who == Who.NEWCOMER) {
      checkJoin(state, actorId, (JoinMeeting) command);
      return;
    }
    if (who == Who.SERVER) {
      if (!Envelope.SERVER.equals(actorId)) {
        throw Rejected.forbidden(Refusal.SERVER_ONLY, "only the server itself does this");
      }
      return;
    }
    Participant actor = state.participant(actorId)
        .orElseThrow(() -> Rejected.forbidden(Refusal.NOT_A_PARTICIPANT, "you are not a participant of this meeting"));
    if (state.status() == Status.ENDED) {
      throw Rejected.conflict(Refusal.MEETING_ENDED, "the meeting has ended");
    }
    if (!actor.role().mayWrite()) {
      throw Rejected.forbidden(Refusal.OBSERVER_READ_ONLY, "observers follow the meeting but cannot change it");
    }
    boolean chair = actor.role() == Role.CHAIR;
    boolean caseBringer = state.isCaseBringer(actorId);
    switch (who) {
      case CHAIR -> {
        if (!chair) {
          throw Rejected.forbidden(Refusal.CHAIR_ONLY, "only the chair can " + describe(command),
              "action", action(command));
        }
      }
      case CASE_BRINGER -> {
        if (!caseBringer) {
          throw Rejected.forbidden(Refusal.CASE_BRINGER_ONLY, "only the case-bringer can " + describe(command),
              "action", action(command));
        }
      }
      case CHAIR_OR_CASE_BRINGER -> {
        if (!chair && !caseBringer) {
          throw Rejected.forbidden(Refusal.CHAIR_OR_CASE_BRINGER_ONLY,
              "only the chair or the case-bringer can " + describe(command), "action", action(command));
        }
      }
      default -> { }
    }
    switch (command) {
      case EditCard c -> {
        Card card = visibleCard(state, c.cardId(), actorId);
        if (!card.authorId().equals(actorId) && !mayChangeActionPoint(card, actorId, chair)) {
          throw Rejected.forbidden(Refusal.EDIT_OWN_CARDS, "you can only edit your own cards");
        }
      }
      case AssignActionPoint c -> checkActionPoint(state, c.cardId(), actorId, chair);
      case MarkActionPointDone c -> checkActionPoint(state, c.cardId(), actorId, chair);
      case MarkCarriedPoint c -> {
        if (!chair && !actorId.equals(carriedPoint(state, c.pointId()).ownerId())) {
          throw Rejected.forbidden(Refusal.CARRIED_POINT_NOT_YOURS,
              "only who took this action point on, or the chair, can say what became of it");
        }
      }
      case RevealAuthor c -> {
        if (!visibleCard(state, c.cardId(), actorId).authorId().equals(actorId)) {
          throw Rejected.forbidden(Refusal.AUTHOR_ONLY, "only the author can say a card is theirs");
        }
      }
      case DeleteCard c -> {
        Card card = chair ? existingCard(state, c.cardId()) : visibleCard(state, c.cardId(), actorId);
        if (!card.authorId().equals(actorId) && !chair && !card.actionPointFor(actorId)) {
          throw Rejected.forbidden(Refusal.DELETE_OWN_CARDS, "you can only delete your own cards");
        }
      }
      default -> { }
    }
  }

  /**
   * An action point is the group's agreement, not only its author's: whoever wrote it, whoever took
   * it on and the chair may edit, reassign, mark done or delete it.
   */
  private static boolean mayChangeActionPoint(Card card, String actorId, boolean chair) {
    return CardKind.ACTION_POINT.equals(card.kind()) && (chair || card.actionPointFor(actorId));
  }

  private static void checkActionPoint(MeetingState state, String cardId, String actorId, boolean chair) {
    Card card = visibleCard(state, cardId, actorId);
    if (CardKind.ACTION_POINT.equals(card.kind()) && !mayChangeActionPoint(card, actorId, chair)) {
      throw Rejected.forbidden(Refusal.ACTION_POINT_NOT_YOURS,
          "only who wrote an action point, who took it on, or the chair can change it");
    }
  }

  /**
   * The card as far as this person may know it exists: a hidden card of someone else does not,
   * so asking for it gives the same answer as asking for a card that never was.
   */
  static Card visibleCard(MeetingState state, String cardId, String actorId) {
    Card card = existingCard(state, cardId);
    if (card.hidden() && !card.authorId().equals(actorId)) {
      throw Rejected.notFound(Refusal.CARD_NOT_FOUND, "no card " + cardId);
    }
    return card;
  }

  static CarriedPoint carriedPoint(MeetingState state, String pointId) {
    if (pointId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "pointId is required", "field", "pointId");
    }
    return state.carriedPoint(pointId)
        .orElseThrow(() -> Rejected.notFound(Refusal.CARRIED_POINT_NOT_FOUND, "no carried action point " + pointId));
  }

  private static Card existingCard(MeetingState state, String cardId) {
    if (cardId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "cardId is required", "field", "cardId");
    }
    return state.card(cardId).orElseThrow(() -> Rejected.notFound(Refusal.CARD_NOT_FOUND, "no card " + cardId));
  }

  private static Who who(Command command) {
    return switch (command) {
      case StartMeeting c -> Who.CREATOR;
      case JoinMeeting c -> Who.NEWCOMER;
      case ParticipantWentOffline c -> Who.SERVER;
      case ChairTimedOut c -> Who.SERVER;
      case ParticipantCameOnline c -> Who.SERVER;
      case AskReadiness c -> Who.CHAIR;
      case TakeChair c -> Who.MEMBER;
      case FinishTurn c -> Who.MEMBER;
      case OrganiserArrived c -> Who.SERVER;
      case CaseBringerArrived c -> Who.SERVER;
      case EraseMeeting c -> Who.SERVER;
      case AdvancePhase c -> Who.CHAIR;
      case PreviousPhase c -> Who.CHAIR;
      case ChooseMethod c -> Who.CHAIR;
      case SkipPhase c -> Who.CHAIR;
      case MovePhase c -> Who.CHAIR;
      case RetimePhase c -> Who.CHAIR;
      case StartTimer c -> Who.CHAIR;
      case PauseTimer c -> Who.CHAIR;
      case ResumeTimer c -> Who.CHAIR;
      case ExtendTimer c -> Who.CHAIR;
      case RevealCards c -> Who.CHAIR;
      case ChooseLearningQuestion c -> Who.CHAIR;
      case ChooseCaseBringer c -> Who.CHAIR;
      case HandOverChair c -> Who.CHAIR;
      case NameBackupChair c -> Who.CHAIR;
      case OpenInvitations c -> Who.CHAIR;
      case RemoveParticipant c -> Who.CHAIR;
      case NextSpeaker c -> Who.CHAIR;
      case StartRound c -> Who.CHAIR;
      case ReorderSpeakers c -> Who.CHAIR;
      case QueueSpeaker c -> Who.CHAIR;
      case SetTurnTime c -> Who.CHAIR;
      case EndMeeting c -> Who.CHAIR;
      case SetVoteBudget c -> Who.CHAIR;
      case AssignActionPoint c -> Who.MEMBER;
      case MarkActionPointDone c -> Who.MEMBER;
      case MarkCarriedPoint c -> Who.MEMBER;
      case GiveEvaluation c -> Who.MEMBER;
      case RateCard c -> Who.CASE_BRINGER;
      case MarkKeyQuestion c -> Who.CASE_BRINGER;
      case MarkAnswered c -> Who.CHAIR_OR_CASE_BRINGER;
      case MarkDone c -> Who.MEMBER;
      case MarkNotDone c -> Who.MEMBER;
      case AddCard c -> Who.MEMBER;
      case EditCard c -> Who.MEMBER;
      case DeleteCard c -> Who.MEMBER;
      case VoteCard c -> Who.MEMBER;
      case UnvoteCard c -> Who.MEMBER;
      case RevealAuthor c -> Who.MEMBER;
      case RaiseHand c -> Who.MEMBER;
      case LowerHand c -> Who.MEMBER;
      case PassTurn c -> Who.MEMBER;
    };
  }

  /** The command's type as on the wire ({@code advancePhase}): the page names the action in the person's language. */
  private static String action(Command command) {
    String simple = command.getClass().getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  private static String describe(Command command) {
    return switch (command) {
      case AdvancePhase c -> "move to the next phase";
      case PreviousPhase c -> "move back a phase";
      case ChooseMethod c -> "choose the method";
      case SkipPhase c -> "skip a phase";
      case MovePhase c -> "move a phase";
      case RetimePhase c -> "change a phase's time";
      case StartTimer c -> "start the timer";
      case PauseTimer c -> "pause the timer";
      case ResumeTimer c -> "resume the timer";
      case ExtendTimer c -> "extend the timer";
      case RevealCards c -> "reveal the cards";
      case ChooseLearningQuestion c -> "choose the learning question";
      case ChooseCaseBringer c -> "choose the case-bringer";
      case HandOverChair c -> "hand over the chair";
      case NameBackupChair c -> "name a backup chair";
      case OpenInvitations c -> "let participants invite others";
      case RemoveParticipant c -> "remove someone from the meeting";
      case NextSpeaker c -> "give the floor to the next speaker";
      case StartRound c -> "start a round";
      case ReorderSpeakers c -> "reorder the speakers";
      case QueueSpeaker c -> "put someone in the queue";
      case SetTurnTime c -> "set the time per turn";
      case AskReadiness c -> "ask whether everyone is done";
      case EndMeeting c -> "end the meeting";
      case SetVoteBudget c -> "set the number of votes";
      case RateCard c -> "rate cards";
      case MarkKeyQuestion c -> "mark the key question";
      case MarkAnswered c -> "mark a card answered";
      default -> "do this";
    };
  }

  private static void checkJoin(MeetingState state, String actorId, JoinMeeting join) {
    if (state.status() == Status.ENDED) {
      throw Rejected.notFound(Refusal.MEETING_ENDED, "the meeting has ended");
    }
    if (state.participant(actorId).isPresent()) {
      throw Rejected.conflict(Refusal.ALREADY_JOINED, "you are already in this meeting");
    }
    if (!joinCodeMatches(state, join.joinCode())) {
      throw Rejected.forbidden(Refusal.WRONG_JOIN_CODE, "the join code is not right");
    }
    if (join.role() == Role.CHAIR) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND,
          "role must be participant or observer; the chair is whoever created the meeting");
    }
  }

  /** Whether a code typed by someone opens this meeting; the transport asks before it counts a guess. */
  public static boolean joinCodeMatches(MeetingState state, String given) {
    return sameCode(state.joinCode(), given);
  }

  /**
   * Whether a typed code is this code, read aloud and typed by hand; constant-time, so response timing
   * does not leak how much of a guessed code was right. A group's join code is checked the same way.
   */
  public static boolean sameCode(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        normalise(expected).getBytes(StandardCharsets.UTF_8), normalise(given).getBytes(StandardCharsets.UTF_8));
  }

  /** Join codes are read aloud and typed by hand: case, spaces and dashes do not matter. */
  public static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}
