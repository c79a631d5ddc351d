package nl.intervision.panel.entry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.LongSupplier;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.room.Rooms;
import nl.intervision.panel.room.Scheduler;
import nl.intervision.panel.store.InMemoryEventLog;
import org.junit.jupiter.api.Test;

/**
 * The ways into a meeting that a group needs and the REST calls do not show: a chair and a member
 * with the ids the caller gives, and a token again for a seat someone already has. Against real rooms
 * on the in-memory log, which answers at once.
 */
class MeetingEntryTest {
  /** The real time: tokens are checked against it. */
  final LongSupplier clock = System::currentTimeMillis;
  final Tokens tokens = new Tokens("a-test-secret-of-at-least-32-bytes-long!", Duration.ofHours(1));
  final Rooms rooms = new Rooms(new InMemoryEventLog(), clock, () -> "c-1", new NoTimers(), 60_000, 0);
  final MeetingEntry entry = new MeetingEntry(rooms, tokens, CatalogueJson.load(), new Ids(), clock);

  @Test
  void aGroupChoosesTheChairsIdAndAMembersIdAndBothGetTokensForThem() throws Exception {
    MeetingEntry.Started started = await(entry.start(opening(), "m-chris"));
    Seat chair = started.chair();
    assertThat(chair.participantId()).isEqualTo("m-chris");
    assertThat(chair.role()).isEqualTo(Role.CHAIR);
    assertThat(tokens.verify(chair.token())).extracting(Identity::meetingId, Identity::participantId)
        .containsExactly(chair.meetingId(), "m-chris");

    Seat anna = await(entry.admit(chair.meetingId(), "m-anna", new MeetingEntry.Newcomer("Anna", Role.PARTICIPANT, true)));
    assertThat(anna.participantId()).isEqualTo("m-anna");
    assertThat(tokens.verify(anna.token()).participantId()).isEqualTo("m-anna");
    assertThat(rooms.size()).as("nothing holds the meeting once they are in").isZero();
  }

  @Test
  void someoneAlreadyInTheMeetingGetsTheirOwnSeatAgainInTheRoleTheyHave() throws Exception {
    Seat chair = await(entry.start(opening(), "m-chris")).chair();

    Seat again = await(entry.seatAgain(chair.meetingId(), "m-chris"));
    assertThat(again.participantId()).isEqualTo("m-chris");
    assertThat(again.role()).isEqualTo(Role.CHAIR);
    assertThat(tokens.verify(again.token()).participantId()).isEqualTo("m-chris");
  }

  @Test
  void someoneNotInTheMeetingGetsNoSeatAgain() {
    Seat chair = await(entry.start(opening(), "m-chris")).chair();

    Future<Seat> stranger = entry.seatAgain(chair.meetingId(), "m-stranger");
    assertThat(stranger.failed()).isTrue();
    assertThat(stranger.cause()).isInstanceOfSatisfying(Rejected.class,
        refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NOT_IN_MEETING));
  }

  @Test
  void whatTheDoorkeeperRefusesDoesNotJoin() {
    MeetingEntry.Started started = await(entry.start(opening()));
    IllegalStateException wait = new IllegalStateException("wait");

    Future<Seat> refused = entry.join(started.chair().meetingId(), started.joinCode(),
        new MeetingEntry.Newcomer("Anna", Role.PARTICIPANT, false), meeting -> {
          throw wait;
        });
    assertThat(refused.cause()).isSameAs(wait);
    assertThat(rooms.size()).as("the refused join let the meeting go").isZero();
    assertThat(await(rooms.get(started.chair().meetingId())).state().participants()).as("nobody joined").hasSize(1);
  }

  @Test
  void aJoinWithTheCodeGetsANewParticipantInTheRoleAskedFor() {
    MeetingEntry.Started started = await(entry.start(opening()));

    Seat observer = await(entry.join(started.chair().meetingId(), started.joinCode(),
        new MeetingEntry.Newcomer("Olga", Role.OBSERVER, false), meeting -> { }));
    assertThat(observer.role()).isEqualTo(Role.OBSERVER);
    assertThat(observer.participantId()).startsWith("p-").isNotEqualTo(started.chair().participantId());
  }

  private MeetingEntry.Opening opening() {
    return new MeetingEntry.Opening("Team", "Chris", Language.EN, entry.method(null).orElseThrow());
  }

  private static <T> T await(Future<T> future) {
    assertThat(future.isComplete()).as("the in-memory log answers at once").isTrue();
    if (future.failed()) {
      throw new AssertionError(future.cause());
    }
    return future.result();
  }

  private static final class NoTimers implements Scheduler {
    @Override
    public long after(long delayMs, Runnable task) {
      return 0;
    }

    @Override
    public void cancel(long id) {
    }
  }
}
