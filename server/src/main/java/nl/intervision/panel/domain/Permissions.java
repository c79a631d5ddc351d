package nl.intervision.panel.domain;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.MeetingState.Status;

/**
 * Who may do what: the only place that decides whether an actor may send a command at all.
 * The role is read from the meeting's state, not from the token, so a change of chair or a
 * removed participant takes effect at once.
 */
public final class Permissions {
  private Permissions() {}

  public static void check(MeetingState state, String actorId, Command command) {
    if (command instanceof StartMeeting) {
      if (state.status() != Status.NEW) {
        throw Rejected.conflict("this meeting already exists");
      }
      return;
    }
    if (state.status() == Status.NEW) {
      throw Rejected.notFound("no such meeting");
    }
    if (command instanceof JoinMeeting join) {
      checkJoin(state, actorId, join);
      return;
    }
    Participant actor = state.participant(actorId)
        .orElseThrow(() -> Rejected.forbidden("you are not a participant of this meeting"));
    if (state.status() == Status.ENDED) {
      throw Rejected.conflict("the meeting has ended");
    }
    if (!actor.role().mayWrite()) {
      throw Rejected.forbidden("observers follow the meeting but cannot change it");
    }
    if (chairOnly(command) && actor.role() != Role.CHAIR) {
      throw Rejected.forbidden("only the chair can " + describe(command));
    }
    switch (command) {
      case EditCard c -> {
        if (!ownCard(state, c.cardId(), actorId)) {
          throw Rejected.forbidden("you can only edit your own cards");
        }
      }
      case DeleteCard c -> {
        if (!ownCard(state, c.cardId(), actorId) && actor.role() != Role.CHAIR) {
          throw Rejected.forbidden("you can only delete your own cards");
        }
      }
      default -> { }
    }
  }

  private static void checkJoin(MeetingState state, String actorId, JoinMeeting join) {
    if (state.status() == Status.ENDED) {
      throw Rejected.notFound("the meeting has ended");
    }
    if (state.participant(actorId).isPresent()) {
      throw Rejected.conflict("you are already in this meeting");
    }
    if (join.joinCode() == null || !sameCode(state.joinCode(), join.joinCode())) {
      throw Rejected.forbidden("the join code is not right");
    }
    if (join.role() == Role.CHAIR) {
      throw Rejected.badRequest("role must be participant or observer; the chair is whoever created the meeting");
    }
  }

  private static boolean chairOnly(Command command) {
    return switch (command) {
      case AdvancePhase c -> true;
      case PreviousPhase c -> true;
      case StartTimer c -> true;
      case PauseTimer c -> true;
      case ResumeTimer c -> true;
      case ExtendTimer c -> true;
      case NextSpeaker c -> true;
      case StartRound c -> true;
      case EndMeeting c -> true;
      case StartMeeting c -> false;
      case JoinMeeting c -> false;
      case AddCard c -> false;
      case EditCard c -> false;
      case DeleteCard c -> false;
      case VoteCard c -> false;
      case UnvoteCard c -> false;
      case RaiseHand c -> false;
      case LowerHand c -> false;
      case PassTurn c -> false;
    };
  }

  private static String describe(Command command) {
    return switch (command) {
      case AdvancePhase c -> "move to the next phase";
      case PreviousPhase c -> "move back a phase";
      case StartTimer c -> "start the timer";
      case PauseTimer c -> "pause the timer";
      case ResumeTimer c -> "resume the timer";
      case ExtendTimer c -> "extend the timer";
      case NextSpeaker c -> "give the floor to the next speaker";
      case StartRound c -> "start a round";
      case EndMeeting c -> "end the meeting";
      default -> "do this";
    };
  }

  private static boolean ownCard(MeetingState state, String cardId, String actorId) {
    if (cardId == null) {
      throw Rejected.badRequest("cardId is required");
    }
    Card card = state.card(cardId).orElseThrow(() -> Rejected.notFound("no card " + cardId));
    return card.authorId().equals(actorId);
  }

  // Constant-time, so response timing does not leak how much of a guessed code was right.
  private static boolean sameCode(String expected, String given) {
    return MessageDigest.isEqual(
        normalise(expected).getBytes(StandardCharsets.UTF_8), normalise(given).getBytes(StandardCharsets.UTF_8));
  }

  /** Join codes are read aloud and typed by hand: case, spaces and dashes do not matter. */
  public static String normalise(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
