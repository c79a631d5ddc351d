package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.StateJson;
import nl.intervision.panel.protocol.Wire;
import nl.intervision.panel.support.Inputs;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The meeting's rules, pure: random commands from random people (the chair, the case-bringer,
 * members, observers, strangers, the server) never make decide fail with anything but Rejected,
 * a refused command changes nothing, and the events, stored and read back, replay to the same state.
 */
class MeetingPropertyTest {
  static final Catalogue CATALOGUE = CatalogueJson.load();

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void onlyRejectedEscapesDecideAndTheStoredEventsReplayToTheLiveState(
      @ForAll("method") Method method, @ForAll("steps") List<Step> steps) {
    Live live = new Live();
    live.decide(Step.CHAIR, new Command.StartMeeting("Team", "Chris", Language.EN, Step.JOIN_CODE, CATALOGUE.agenda(method)));
    for (Participant p : Step.MEMBERS) {
      live.decide(p.id(), new Command.JoinMeeting(Step.JOIN_CODE, p.name(), p.role()));
    }
    assertThat(live.state.participants()).hasSize(1 + Step.MEMBERS.size());
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String actor = step.actor(live.state, "p-new-" + i);
      Command command = step.command(live.state, CATALOGUE, true);
      try {
        live.decide(actor, command);
        Statistics.label("accepted").collect(step.what());
      } catch (Rejected refused) {
        // Expected for many random steps: decide refuses and the state stays as it was.
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("step " + i + ", " + actor + " sends " + Inputs.visible(command.toString()) + ": "
            + Inputs.visible(String.valueOf(e)), e);
      }
    }

    Statistics.label("reached").collect(live.state.part());
    List<Event> stored = new ArrayList<>();
    for (Event event : live.events) {
      stored.add(Wire.EVENTS.decode(new JsonObject(Wire.EVENTS.encode(event).encode())));
    }
    assertThat(stored).isEqualTo(live.events);
    MeetingState replayed = Meeting.replay(MeetingState.NEW, stored);
    assertThat(replayed).isEqualTo(live.state);
    assertThat(StateJson.encode(replayed, Set.of())).isEqualTo(StateJson.encode(live.state, Set.of()));

    // The runs must get somewhere: through the phases, onto the board, into the speaking order.
    Statistics.label("accepted").coverage(coverage -> {
      for (Step.What what : List.of(Step.What.ADVANCE, Step.What.ADD_CARD, Step.What.VOTE, Step.What.RAISE,
          Step.What.HAND_OVER, Step.What.CHOOSE_OWN_METHOD)) {
        coverage.check(what).count(n -> n > 0);
      }
    });
    Statistics.label("reached").coverage(coverage -> coverage.check(Agenda.Part.METHOD).count(n -> n > 0));
  }

  /** A meeting kept the way a room keeps it: the state after every accepted command, and every event. */
  static final class Live {
    MeetingState state = MeetingState.NEW;
    final List<Event> events = new ArrayList<>();
    long clock = 1_795_000_000_000L;
    int ids;

    void decide(String actor, Command command) {
      MeetingState before = state;
      List<Event> batch;
      try {
        batch = Meeting.decide(state, new Envelope(actor, clock += 1_000, "c-" + ++ids), command);
      } catch (Rejected refused) {
        assertThat(refused.reason()).isNotNull();
        assertThat(refused.getMessage()).isNotBlank();
        assertThat(state).isSameAs(before);
        throw refused;
      }
      state = Meeting.replay(state, batch);
      events.addAll(batch);
      if (batch.isEmpty()) {
        assertThat(state).isEqualTo(before);
      }
      Invariants.hold(state);
      Invariants.showable(state, batch);
    }
  }

  @Provide
  Arbitrary<Method> method() {
    return Step.method(CATALOGUE);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Step.steps(150);
  }
}
