package nl.intervision.panel.domain;

import java.text.Normalizer;
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
      throw Rejected.badRequest("the backup chair must be someone other than the chair");
    }
    return backup.id().equals(state.backupChairId()) ? List.of() : List.of(new BackupChairNamed(backup.id()));
  }

  /**
   * Anyone but the chair, observers too. The chair hands over first: a meeting always has one.
   * If the person leaving had the floor, the next in line gets it, as when they pass for good.
   */
  static List<Event> remove(MeetingState state, Envelope by, String participantId) {
    if (participantId == null) {
      throw Rejected.badRequest("participantId is required");
    }
    Participant leaving = state.participant(participantId)
        .orElseThrow(() -> Rejected.notFound("no participant " + participantId + " in this meeting"));
    if (leaving.role() == Role.CHAIR) {
      throw Rejected.conflict("the chair cannot be removed; hand the chair over to someone else first");
    }
    SpeakingOrder before = state.speaking();
    SpeakingOrder after = before.leaving(leaving.id());
    if (!Objects.equals(after.current(), before.current())) {
      after = after.timed(before.current(), by.at(), state.turnSeconds());
    }
    return List.of(new ParticipantRemoved(leaving.id(), after));
  }

  /** The case-bringer's story cannot go on without them: the clock stops, and everyone sees why. */
  static List<Event> wentOffline(MeetingState state, Envelope by, String participantId) {
    if (state.status() != MeetingState.Status.OPEN || !state.isCaseBringer(participantId)
        || state.timer() == null || !state.timer().isRunning()) {
      return List.of();
    }
    return List.of(Timers.paused(state.timer(), by.at(), Timers.CASE_BRINGER_OFFLINE));
  }

  static List<Event> chairTimedOut(MeetingState state, String chairId) {
    String backup = state.backupChairId();
    if (state.status() != MeetingState.Status.OPEN || backup == null || !chairId.equals(state.chairId())) {
      return List.of();
    }
    return List.of(new ChairHandedOver(chairId, backup, CHAIR_OFFLINE));
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
      throw Rejected.conflict("someone called " + p.name() + " is already in this meeting; if that is you, open your"
          + " seat on this device from your other device (a device link), or join with sameName if you are another"
          + " person with the same name");
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
      throw Rejected.badRequest("participantId is required");
    }
    Participant p = state.participant(participantId)
        .orElseThrow(() -> Rejected.notFound("no participant " + participantId + " in this meeting"));
    if (!p.role().mayWrite()) {
      throw Rejected.conflict(p.name() + " is an observer and cannot take this role");
    }
    return p;
  }

  static Participant member(MeetingState state, String participantId) {
    return speaker(state, participantId);
  }
}
