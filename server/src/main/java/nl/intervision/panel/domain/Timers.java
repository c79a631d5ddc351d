package nl.intervision.panel.domain;

import java.util.List;
import nl.intervision.panel.domain.Event.TimerChange;
import nl.intervision.panel.domain.Event.TimerChanged;

/** The phase timer: the server sets endsAt so every client counts down to the same moment. */
final class Timers {
  private Timers() {}

  static final String CASE_BRINGER_OFFLINE = "case-bringer-offline";

  static List<Event> start(Envelope by, int seconds) {
    long ms = checkedSeconds(seconds) * 1000L;
    return List.of(new TimerChanged(TimerChange.STARTED, Timer.running(ms, by.at() + ms), null));
  }

  static List<Event> pause(MeetingState state, Envelope by) {
    Timer timer = state.timer();
    if (timer == null || !timer.isRunning()) {
      throw Rejected.conflict(Refusal.TIMER_NOT_RUNNING, "there is no running timer to pause");
    }
    return List.of(paused(timer, by.at(), null));
  }

  static TimerChanged paused(Timer timer, long at, String reason) {
    long left = Math.max(0, timer.endsAt() - at);
    Timer paused = Timer.paused(timer.durationMs(), left);
    return new TimerChanged(TimerChange.PAUSED, reason == null ? paused : paused.because(reason), reason);
  }

  static final String CASE_BRINGER_BACK = "case-bringer-back";

  /** The case-bringer is back: the timer stays paused (the chair resumes it) but no longer says they are away. */
  static List<Event> caseBringerBack(MeetingState state) {
    Timer timer = state.timer();
    if (timer == null || !CASE_BRINGER_OFFLINE.equals(timer.pausedBecause())) {
      return List.of();
    }
    return List.of(new TimerChanged(TimerChange.PAUSED, timer.because(null), CASE_BRINGER_BACK));
  }

  static List<Event> resume(MeetingState state, Envelope by) {
    Timer timer = state.timer();
    if (timer == null || timer.isRunning()) {
      throw Rejected.conflict(Refusal.TIMER_NOT_PAUSED, "there is no paused timer to resume");
    }
    return List.of(new TimerChanged(TimerChange.RESUMED, Timer.running(timer.durationMs(), by.at() + timer.remainingMs()), null));
  }

  /** An expired timer extended by a minute gives a minute from now, not from when it ran out. */
  static List<Event> extend(MeetingState state, Envelope by, int seconds) {
    long ms = checkedSeconds(seconds) * 1000L;
    Timer timer = state.timer();
    if (timer == null) {
      throw Rejected.conflict(Refusal.NO_TIMER, "there is no timer to extend; start one first");
    }
    Timer extended = timer.isRunning()
        ? Timer.running(timer.durationMs() + ms, Math.max(timer.endsAt(), by.at()) + ms)
        : Timer.paused(timer.durationMs() + ms, timer.remainingMs() + ms);
    return List.of(new TimerChanged(TimerChange.EXTENDED, extended, null));
  }

  private static int checkedSeconds(int seconds) {
    if (seconds < 1 || seconds > Limits.TIMER_SECONDS) {
      throw Rejected.badRequest(Refusal.TIMER_OUT_OF_RANGE, "seconds must be between 1 and " + Limits.TIMER_SECONDS,
          "maxMinutes", Limits.TIMER_SECONDS / 60);
    }
    return seconds;
  }
}
