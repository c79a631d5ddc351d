package nl.intervision.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

/** given(events).when(actor, command).then(events) / thenRejected(reason): a meeting rule as a sentence. */
final class Given {
  private final MeetingState state;
  private long clock = 1_000_000;

  private Given(MeetingState state) {
    this.state = state;
  }

  static Given given(List<Event> history) {
    return new Given(Meeting.replay(MeetingState.NEW, history));
  }

  static Given given(List<Event> history, Event... more) {
    List<Event> all = new ArrayList<>(history);
    all.addAll(List.of(more));
    return given(all);
  }

  Given at(long millis) {
    clock = millis;
    return this;
  }

  When when(String actor, Command command) {
    return new When(state, new Envelope(actor, clock, "new-id"), command);
  }

  record When(MeetingState state, Envelope by, Command command) {
    List<Event> then(Event... expected) {
      List<Event> events = Meeting.decide(state, by, command);
      assertThat(events).containsExactly(expected);
      return events;
    }

    MeetingState thenState() {
      return Meeting.replay(state, Meeting.decide(state, by, command));
    }

    Rejected thenRejected(Rejected.Reason reason) {
      Rejected rejected = catchThrowableOfType(Rejected.class, () -> Meeting.decide(state, by, command));
      assertThat(rejected).as("expected the command to be rejected").isNotNull();
      assertThat(rejected.reason()).isEqualTo(reason);
      return rejected;
    }
  }
}
