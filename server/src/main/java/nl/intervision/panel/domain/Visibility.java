package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.intervision.panel.domain.Event.*;

/**
 * What one person may see of the meeting. Every state, change and event sent to a client passes
 * through here, so a rule about hiding something is written once and holds for welcome, replay, live
 * updates and the summary alike:
 * <ul>
 *   <li>a card written in a silent phase is read only by its author until the chair reveals the
 *       phase's cards; the chair sees that it exists (and whose it is, unless anonymous);
 *   <li>the author of a card from an anonymous phase is known only to themself until they reveal it;
 *   <li>observers do not get the join code: they read along but do not bring others in;
 *   <li>in a silent phase everyone learns how many have written, never who or how much
 *       ({@link SilentWriting}); the state's list of who wrote never leaves the server;
 *   <li>evaluations are given openly in the group's round: everyone reads them, with the name.
 * </ul>
 */
public final class Visibility {
  private Visibility() {}

  public static MeetingState stateFor(MeetingState state, Participant recipient) {
    MeetingState.Builder view = state.edit();
    view.joinCode = joinCodeFor(state, recipient);
    List<Card> cards = new ArrayList<>(state.cards().size());
    for (Card card : state.cards()) {
      cardFor(card, recipient).ifPresent(cards::add);
    }
    view.cards = cards;
    return view.build();
  }

  /** @return the events this recipient may see, possibly none; the sequence number is delivered regardless */
  public static List<Event> eventsFor(List<Event> events, Participant recipient, MeetingState after) {
    List<Event> visible = new ArrayList<>(events.size());
    for (Event event : events) {
      visible(event, recipient, after).ifPresent(visible::add);
    }
    return visible;
  }

  /** @return true when these events look the same to everyone, so one encoding can serve every member */
  public static boolean sameForEveryone(List<Event> events, MeetingState after) {
    for (Event event : events) {
      boolean personal = switch (event) {
        case MeetingStarted e -> true;
        case CardAdded e -> e.card().hidden() || e.card().anonymous();
        case CardsRevealed e -> e.cards().stream().anyMatch(Card::anonymous);
        case CardEdited e -> Boolean.TRUE.equals(e.hidden()) || hidden(after, e.cardId());
        case AuthorRevealed e -> hidden(after, e.cardId());
        case CardVoted e -> hidden(after, e.cardId());
        case CardUnvoted e -> hidden(after, e.cardId());
        case CardRated e -> hidden(after, e.cardId());
        case CardAnswered e -> hidden(after, e.cardId());
        case ActionPointAssigned e -> hidden(after, e.cardId());
        case ActionPointDone e -> hidden(after, e.cardId());
        case KeyQuestionMarked e -> e.cardId() != null && hidden(after, e.cardId());
        case CardDeleted e -> e.hiddenBy() != null;
        // Every event by name: a new event must be given its rule here before it compiles (issue 15).
        case ParticipantJoined e -> false;
        case PhaseChanged e -> false;
        case MethodChosen e -> false;
        case PhaseSkipped e -> false;
        case PhaseMoved e -> false;
        case PhaseRetimed e -> false;
        case ReadinessChanged e -> false;
        case ReadinessAsked e -> false;
        case TimerChanged e -> false;
        case VoteBudgetSet e -> false;
        case EvaluationGiven e -> false;
        case LearningQuestionChosen e -> false;
        case CaseBringerChosen e -> false;
        case ChairHandedOver e -> false;
        case BackupChairNamed e -> false;
        case InvitationsOpened e -> false;
        case ChairOpened e -> false;
        case ChairReturned e -> false;
        case PresenceRecorded e -> true;
        case ParticipantRemoved e -> false;
        case SpeakingChanged e -> false;
        case TurnTimeSet e -> false;
        case MeetingEnded e -> false;
        case CarriedPointMarked e -> false;
      };
      if (personal) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Event> visible(Event event, Participant recipient, MeetingState after) {
    return switch (event) {
      case MeetingStarted e -> Optional.of(mayInvite(after, recipient) ? e
          : new MeetingStarted(e.title(), e.locale(), null, e.chair(), e.agenda(), e.at()));
      case CardAdded e -> cardFor(e.card(), recipient).map(CardAdded::new);
      case CardsRevealed e -> Optional.of(new CardsRevealed(e.phaseId(),
          e.cards().stream().map(c -> cardFor(c, recipient)).flatMap(Optional::stream).toList()));
      case CardEdited e -> Boolean.TRUE.equals(e.hidden())
          ? (isAuthor(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty())
          : readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case AuthorRevealed e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case CardVoted e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case CardUnvoted e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case CardRated e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case CardAnswered e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case ActionPointAssigned e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      case ActionPointDone e -> readable(after, e.cardId(), recipient) ? Optional.of(e) : Optional.empty();
      // Someone who cannot see the new key card still learns that the old one is no longer key.
      case KeyQuestionMarked e ->
          Optional.of(e.cardId() == null || readable(after, e.cardId(), recipient) ? e : new KeyQuestionMarked(null));
      // A hidden card behaves as if it never existed for those who could not see it, also when it goes.
      case CardDeleted e -> e.hiddenBy() == null || e.hiddenBy().equals(recipient.id()) || recipient.role() == Role.CHAIR
          ? Optional.of(e) : Optional.empty();
      // Shown to everyone as they are. No default, so a new event cannot fall open without a decision.
      case ParticipantJoined e -> Optional.of(e);
      case PhaseChanged e -> Optional.of(e);
      case MethodChosen e -> Optional.of(e);
      case PhaseSkipped e -> Optional.of(e);
      case PhaseMoved e -> Optional.of(e);
      case PhaseRetimed e -> Optional.of(e);
      case ReadinessChanged e -> Optional.of(e);
      case ReadinessAsked e -> Optional.of(e);
      case TimerChanged e -> Optional.of(e);
      case VoteBudgetSet e -> Optional.of(e);
      case EvaluationGiven e -> Optional.of(e);
      case LearningQuestionChosen e -> Optional.of(e);
      case CaseBringerChosen e -> Optional.of(e);
      case ChairHandedOver e -> Optional.of(e);
      case BackupChairNamed e -> Optional.of(e);
      case InvitationsOpened e -> Optional.of(e);
      case ChairOpened e -> Optional.of(e);
      case ChairReturned e -> Optional.of(e);
      // Bookkeeping for the group's register: who was connected when is nobody's news in the meeting.
      case PresenceRecorded e -> Optional.empty();
      case ParticipantRemoved e -> Optional.of(e);
      case SpeakingChanged e -> Optional.of(e);
      case TurnTimeSet e -> Optional.of(e);
      case MeetingEnded e -> Optional.of(e);
      case CarriedPointMarked e -> Optional.of(e);
    };
  }

  /** The join code as this person sees it: null for someone who may not bring others in. */
  public static String joinCodeFor(MeetingState state, Participant recipient) {
    return mayInvite(state, recipient) ? state.joinCode() : null;
  }

  /**
   * @return true when what changed looks the same to everyone, so one {@code changes} can serve every
   *     member: no touched card is or was hidden, none is anonymous without its author revealed now,
   *     nobody's role changed (which changes what they see of the board), the join code is untouched
   */
  public static boolean sameForEveryone(Touched touched, MeetingState after) {
    if (touched.fields().contains(Touched.Field.JOIN_CODE) || touched.fields().contains(Touched.Field.INVITES_OPEN)) {
      return false;
    }
    for (Participant then : touched.participants().values()) {
      if (then != null && after.participant(then.id()).map(now -> now.role() != then.role()).orElse(false)) {
        return false;
      }
    }
    if (touched.cards().isEmpty()) {
      return true;
    }
    for (Card then : touched.cards().values()) {
      if (then != null && then.hidden()) {
        return false;
      }
    }
    for (Card now : after.cards()) {
      // Known to nobody in particular: readable by all, author included, or not the same for all.
      if (touched.touchedCard(now.id()) && (now.hidden() || !now.authorKnownTo(null))) {
        return false;
      }
    }
    return true;
  }

  /** The card as this person sees it: whole, as a placeholder, or not at all. */
  public static Optional<Card> cardFor(Card card, Participant recipient) {
    boolean own = card.authorId().equals(recipient.id());
    if (card.hidden() && !own) {
      if (recipient.role() == Role.CHAIR) {
        return Optional.of(card.placeholder(!card.anonymous()));
      }
      return Optional.empty();
    }
    return Optional.of(card.authorKnownTo(recipient.id()) ? card : card.withoutAuthor());
  }

  /**
   * Whether this person may read the card now. A card that is gone counts as unreadable: replaying
   * its history to someone coming back could otherwise show what was never theirs to see.
   */
  private static boolean readable(MeetingState state, String cardId, Participant recipient) {
    Optional<Card> card = state.card(cardId);
    return card.isPresent() && (!card.get().hidden() || card.get().authorId().equals(recipient.id()));
  }

  private static boolean isAuthor(MeetingState state, String cardId, Participant recipient) {
    return state.card(cardId).map(c -> c.authorId().equals(recipient.id())).orElse(false);
  }

  private static boolean hidden(MeetingState state, String cardId) {
    return state.card(cardId).map(Card::hidden).orElse(false);
  }

  /** The chair brings people in; participants too once the chair opens invitations; observers read along only. */
  private static boolean mayInvite(MeetingState state, Participant recipient) {
    return switch (recipient.role()) {
      case CHAIR -> true;
      case PARTICIPANT -> state.invitesOpen();
      case OBSERVER -> false;
    };
  }
}
