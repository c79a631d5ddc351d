package nl.intervision.panel.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import nl.intervision.panel.domain.Event.*;

/**
 * Roles during the meeting: the case-bringer, the chair, the backup chair, who leaves, and what absence
 * changes; and who counts as already here when someone joins under a name.
 */
public final class People {
  private People() {}

  static final String HANDED_OVER = "handed-over";
  static final String CHAIR_OFFLINE = "chair-offline";
  static final String ORGANISER = "organiser";
  static final String CHAIR_TAKEN = "chair-taken";

  /** A hand-over because the chair was away: the one who lost the chair so can be given it back. */
  static boolean tookOverFromAbsent(String reason) {
    return CHAIR_OFFLINE.equals(reason) || CHAIR_TAKEN.equals(reason);
  }

  static List<Event> chooseCaseBringer(MeetingState state, String participantId) {
    Participant p = speaker(state, participantId);
    if (p.id().equals(state.caseBringerId())) {
      return List.of();
    }
    return List.of(new CaseBringerChosen(p.id()));
  }

  static List<Event> handOverChair(MeetingState state, Envelope by, String participantId) {
    Participant next = speaker(state, participantId);
    if (next.id().equals(by.actorId())) {
      return List.of();
    }
    return List.of(new ChairHandedOver(by.actorId(), next.id(), HANDED_OVER));
  }

  static List<Event> nameBackupChair(MeetingState state, Envelope by, String participantId) {
    if (participantId == null) {
      return state.backupChairId() == null ? List.of() : List.of(new BackupChairNamed(null));
    }
    Participant backup = speaker(state, participantId);
    if (backup.id().equals(by.actorId())) {
      throw Rejected.badRequest(Refusal.BACKUP_IS_CHAIR, "the backup chair must be someone other than the chair");
    }
    return backup.id().equals(state.backupChairId()) ? List.of() : List.of(new BackupChairNamed(backup.id()));
  }

  /**
   * Anyone but the chair, observers too. The chair hands over first: a meeting always has one.
   * If the person leaving had the floor, the next in line gets it, as when they pass for good.
   */
  static List<Event> remove(MeetingState state, Envelope by, String participantId) {
    if (participantId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "participantId is required", "field", "participantId");
    }
    Participant leaving = state.participant(participantId)
        .orElseThrow(() -> Rejected.notFound(Refusal.PARTICIPANT_NOT_FOUND,
            "no participant " + participantId + " in this meeting"));
    if (leaving.role() == Role.CHAIR) {
      throw Rejected.conflict(Refusal.CHAIR_NOT_REMOVABLE,
          "the chair cannot be removed; hand the chair over to someone else first");
    }
    SpeakingOrder before = state.speaking();
    SpeakingOrder after = before.leaving(leaving.id());
    if (!Objects.equals(after.current(), before.current())) {
      after = after.timed(before.current(), by.at(), state.turnSeconds());
    }
    return List.of(new ParticipantRemoved(leaving.id(), after));
  }

  /**
   * Someone's last connection went. The case-bringer's story cannot go on without them: the clock stops,
   * and everyone sees why. Whoever was speaking or waiting is skipped until they are back.
   */
  static List<Event> wentOffline(MeetingState state, Envelope by, String participantId) {
    if (state.status() != MeetingState.Status.OPEN) {
      return List.of();
    }
    List<Event> events = new ArrayList<>(Turns.wentAway(state, by, participantId));
    presence(state, participantId, false).ifPresent(events::add);
    if (state.isCaseBringer(participantId) && state.timer() != null && state.timer().isRunning()) {
      events.add(Timers.paused(state.timer(), by.at(), Timers.CASE_BRINGER_OFFLINE));
    }
    return events;
  }

  /** A group's register counts the minutes someone was connected; a meeting on its own keeps no such record. */
  private static java.util.Optional<Event> presence(MeetingState state, String participantId, boolean online) {
    return state.groupId() != null && state.participant(participantId).isPresent()
        ? java.util.Optional.of(new Event.PresenceRecorded(participantId, online)) : java.util.Optional.empty();
  }

  /**
   * Someone is connected again: back in the speaking order if they were skipped, the pause notice about the
   * case-bringer gone, and an open chair closed again when it is the chair who came back.
   */
  static List<Event> cameOnline(MeetingState state, Envelope by, String participantId) {
    if (state.status() != MeetingState.Status.OPEN) {
      return List.of();
    }
    List<Event> events = new ArrayList<>(Turns.cameBack(state, by, participantId));
    presence(state, participantId, true).ifPresent(events::add);
    if (state.isCaseBringer(participantId)) {
      events.addAll(Timers.caseBringerBack(state));
    }
    if (state.chairOpen() && participantId.equals(state.chairId())) {
      events.add(new ChairReturned(participantId));
    }
    return events;
  }

  /**
   * The chair has been away the configured time. A backup chair who is present takes over; without one
   * the meeting must not get stuck, so the chair is opened for anyone present to take.
   */
  static List<Event> chairTimedOut(MeetingState state, String chairId, boolean backupOnline) {
    if (state.status() != MeetingState.Status.OPEN || !chairId.equals(state.chairId()) || state.chairOpen()) {
      return List.of();
    }
    String backup = state.backupChairId();
    if (backup != null && backupOnline) {
      return List.of(new ChairHandedOver(chairId, backup, CHAIR_OFFLINE));
    }
    return List.of(new ChairOpened(chairId));
  }

  /** Who may take the chair now: while it is open, everyone who can hold a role but the chair who is away. */
  public static List<String> mayTakeChair(MeetingState state) {
    if (!state.chairOpen()) {
      return List.of();
    }
    String chair = state.chairId();
    return state.speakers().stream().filter(id -> !id.equals(chair)).toList();
  }

  /**
   * The first to take the open chair has it; anyone after them is told who did. Sending the command
   * means being connected, so whoever takes it is present.
   */
  static List<Event> takeChair(MeetingState state, Envelope by) {
    Participant taker = speaker(state, by.actorId());
    if (taker.role() == Role.CHAIR) {
      return List.of();
    }
    if (!state.chairOpen()) {
      String chair = state.chairId();
      if (state.formerChairId() != null && chair != null) {
        String name = state.participant(chair).map(Participant::name).orElse("");
        throw Rejected.conflict(Refusal.CHAIR_TAKEN, name + " has already taken the chair", "name", name);
      }
      throw Rejected.conflict(Refusal.CHAIR_NOT_OPEN, "the chair is not open: the chair is here, or not away long enough");
    }
    return List.of(new ChairHandedOver(state.chairId(), taker.id(), CHAIR_TAKEN));
  }

  static List<Event> caseBringerArrived(MeetingState state, String participantId) {
    boolean mayBring = state.participant(participantId).map(p -> p.role().mayWrite()).orElse(false);
    if (state.status() != MeetingState.Status.OPEN || state.caseBringerId() != null || !mayBring) {
      return List.of();
    }
    return List.of(new CaseBringerChosen(participantId));
  }

  static List<Event> organiserArrived(MeetingState state, String participantId) {
    String chair = state.chairId();
    if (state.status() != MeetingState.Status.OPEN || participantId.equals(chair)
        || state.participant(participantId).isEmpty()) {
      return List.of();
    }
    return List.of(new ChairHandedOver(chair, participantId, ORGANISER));
  }

  /**
   * A newcomer under a name someone in the meeting already has is mostly that person on a second device,
   * who would then count twice (in the done-count, in rounds). So they are asked first: they either open
   * their own seat on the new device, or say they are another person with the same name.
   */
  static void refuseNameTaken(MeetingState state, String name) {
    namesake(state, name).ifPresent(p -> {
      throw Rejected.conflict(Refusal.NAME_TAKEN, "someone called " + p.name() + " is already in this meeting; if that"
          + " is you, open your seat on this device from your other device (a device link), or join with sameName if"
          + " you are another person with the same name", "name", p.name());
    });
  }

  /**
   * Someone in the meeting (chair and observers included, the removed not) whose name reads the same:
   * trimmed, inner spaces collapsed, case folded and Unicode-normalised (NFC), so "anna ", "ANNA" and an
   * "Anna" typed with a combining accent where the other has a precomposed one all match.
   */
  public static Optional<Participant> namesake(MeetingState state, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String wanted = comparable(name);
    return state.participants().stream().filter(p -> comparable(p.name()).equals(wanted)).findFirst();
  }

  static String comparable(String name) {
    String composed = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("(?U)\\s+", " ");
    // Upper then lower folds what lower alone keeps apart (ß and SS, the final sigma).
    return Normalizer.normalize(composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
  }

  /** Someone who can take a role: in the meeting, and not an observer. */
  private static Participant speaker(MeetingState state, String participantId) {
    if (participantId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "participantId is required", "field", "participantId");
    }
    Participant p = state.participant(participantId)
        .orElseThrow(() -> Rejected.notFound(Refusal.PARTICIPANT_NOT_FOUND,
            "no participant " + participantId + " in this meeting"));
    if (!p.role().mayWrite()) {
      throw Rejected.conflict(Refusal.OBSERVER_NO_ROLE, p.name() + " is an observer and cannot take this role",
          "name", p.name());
    }
    return p;
  }

  static Participant member(MeetingState state, String participantId) {
    return speaker(state, participantId);
  }
}
