package nl.intervision.panel.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;

/** given(events).when(member, command).then(events) / thenRefused(refusal): a group rule as a sentence. */
final class GroupGiven {
  private final GroupState state;
  private long clock = TheGroup.JAN_2026 + 30 * TheGroup.DAY;

  private GroupGiven(GroupState state) {
    this.state = state;
  }

  static GroupGiven given(List<GroupEvent> history, GroupEvent... more) {
    List<GroupEvent> all = new ArrayList<>(history);
    all.addAll(List.of(more));
    return new GroupGiven(Groups.replay(GroupState.NONE, all));
  }

  GroupState state() {
    return state;
  }

  GroupGiven at(long millis) {
    clock = millis;
    return this;
  }

  /** @param memberId null: someone who is no member yet */
  When when(String memberId, GroupCommand command) {
    return new When(state, memberId == null ? GroupActor.NEWCOMER : GroupActor.member(memberId), command, clock);
  }

  When whenServer(GroupCommand command) {
    return new When(state, GroupActor.SERVER, command, clock);
  }

  /** Fresh ids "1", "2"... so the ids a test expects are the ones the domain mints. */
  static Supplier<String> counter() {
    int[] next = {0};
    return () -> Integer.toString(++next[0]);
  }

  record When(GroupState state, GroupActor actor, GroupCommand command, long now) {
    List<GroupEvent> then(GroupEvent... expected) {
      List<GroupEvent> events = Groups.decide(state, actor, command, now, counter());
      assertThat(events).containsExactly(expected);
      return events;
    }

    List<GroupEvent> events() {
      return Groups.decide(state, actor, command, now, counter());
    }

    GroupState thenState() {
      return Groups.replay(state, events());
    }

    Rejected thenRefused(Refusal refusal) {
      Rejected rejected = catchThrowableOfType(Rejected.class, () -> Groups.decide(state, actor, command, now,
          counter()));
      assertThat(rejected).as("expected " + command + " by " + actor + " to be refused").isNotNull();
      assertThat(rejected.refusal()).isEqualTo(refusal);
      return rejected;
    }
  }
}
