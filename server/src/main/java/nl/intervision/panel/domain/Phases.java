package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Event.*;

/** Moving through the agenda, and the chair's changes to the agenda itself. */
final class Phases {
  private Phases() {}

  static final int MAX_MINUTES = 240;

  static List<Event> move(MeetingState state, Envelope by, int fromPhase, int to) {
    if (fromPhase != state.phaseIndex()) {
      throw Rejected.conflict(Refusal.PHASE_MOVED_ON,
          "the meeting is no longer in phase " + fromPhase + " but in phase " + state.phaseIndex(),
          "from", fromPhase, "now", state.phaseIndex());
    }
    if (to < 0) {
      throw Rejected.conflict(Refusal.FIRST_PHASE, "this is already the first phase");
    }
    if (to > state.agenda().lastIndex()) {
      throw Rejected.conflict(Refusal.LAST_PHASE, "this is already the last phase; end the meeting instead");
    }
    List<Event> events = new ArrayList<>(2);
    PhaseChanged changed = new PhaseChanged(fromPhase, to, state.agenda().phase(to).id(), by.at());
    events.add(changed);
    MeetingState entered = Meeting.evolve(state, changed);
    SpeakingOrder order = Turns.withoutAbsent(Turns.entering(entered), by).timed(null, by.at(), entered.turnSeconds());
    if (!order.equals(SpeakingOrder.EMPTY)) {
      events.add(new SpeakingChanged(SpeakingChange.PHASE_ENTERED, by.actorId(), order));
    }
    return events;
  }

  static List<Event> chooseMethod(MeetingState state, Method method) {
    if (method == null) {
      throw Rejected.badRequest(Refusal.METHOD_REQUIRED, "name a methodId from the catalogue, or give a method");
    }
    if (state.part() != Agenda.Part.OPENING) {
      throw Rejected.conflict(Refusal.METHOD_LOCKED, "the method has started; it can no longer be changed");
    }
    Set<String> frameIds = new HashSet<>();
    state.agenda().opening().forEach(p -> frameIds.add(p.id()));
    state.agenda().closing().forEach(p -> frameIds.add(p.id()));
    Set<String> openingIds = new HashSet<>();
    state.agenda().opening().forEach(p -> openingIds.add(p.id()));
    MethodRules.check(method, frameIds, openingIds);
    return List.of(new MethodChosen(method));
  }

  static List<Event> skip(MeetingState state, String phaseId) {
    int index = upcoming(state, phaseId, "skipped");
    if (state.agenda().size() == 1) {
      throw Rejected.conflict(Refusal.AGENDA_NEEDS_A_PHASE, "the agenda cannot be left without phases");
    }
    return List.of(new PhaseSkipped(state.agenda().phase(index).id()));
  }

  static List<Event> relocate(MeetingState state, String phaseId, int toIndex) {
    int from = upcoming(state, phaseId, "moved");
    Agenda agenda = state.agenda();
    if (toIndex <= state.phaseIndex() || toIndex > agenda.lastIndex()) {
      throw Rejected.conflict(Refusal.MOVE_AFTER_CURRENT, "a phase can only move to a place after the current phase");
    }
    if (!agenda.stillToCome(state.phaseIndex()).get(agenda.part(from)).contains(toIndex)) {
      throw Rejected.conflict(Refusal.MOVE_WITHIN_PART,
          "a phase stays in its own part of the agenda (opening, method or closing)");
    }
    if (toIndex == from) {
      return List.of();
    }
    return List.of(new PhaseMoved(phaseId, toIndex));
  }

  static List<Event> retime(MeetingState state, String phaseId, Integer minutes) {
    int index = existing(state, phaseId);
    if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
      throw Rejected.badRequest(Refusal.MINUTES_OUT_OF_RANGE,
          "minutes must be between 1 and " + MAX_MINUTES + ", or left out for none", "min", 1, "max", MAX_MINUTES);
    }
    if (java.util.Objects.equals(state.agenda().phase(index).minutes(), minutes)) {
      return List.of();
    }
    return List.of(new PhaseRetimed(phaseId, minutes));
  }

  static List<Event> ready(MeetingState state, Envelope by, boolean done) {
    if (state.done().contains(by.actorId()) == done) {
      return List.of();
    }
    return List.of(new ReadinessChanged(by.actorId(), done));
  }

  private static int upcoming(MeetingState state, String phaseId, String verb) {
    int index = existing(state, phaseId);
    if (index <= state.phaseIndex()) {
      throw Rejected.conflict(Refusal.PHASE_NOT_UPCOMING, "only phases still to come can be " + verb);
    }
    return index;
  }

  private static int existing(MeetingState state, String phaseId) {
    if (phaseId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "phaseId is required", "field", "phaseId");
    }
    int index = state.agenda().indexOf(phaseId);
    if (index < 0) {
      throw Rejected.notFound(Refusal.PHASE_NOT_FOUND, "no phase " + phaseId + " in this meeting's agenda");
    }
    return index;
  }
}
