package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
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
    Live live = run(method, steps, false);
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

  /**
   * Silent and anonymous phases, and steps that write, delete and reveal cards: nothing anyone is sent
   * (welcome, applied, a resume, the summary) tells them a hidden card's text or id, or an anonymous
   * card's author ({@link Told}, checked after every step).
   */
  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void nobodyIsToldWhatIsNotTheirsToKnow(@ForAll("secretive") Method method, @ForAll("boardSteps") List<Step> steps) {
    run(method, steps, true);
    Statistics.label("board").coverage(coverage -> {
      coverage.check("hidden card deleted").count(n -> n > 0);
      coverage.check("anonymous card").count(n -> n > 0);
      coverage.check("cards revealed").count(n -> n > 0);
    });
  }

  /** @param toTheBoard first advance to the first phase with cards */
  private static Live run(Method method, List<Step> steps, boolean toTheBoard) {
    Live live = new Live();
    live.decide(Step.CHAIR, new Command.StartMeeting("Team", "Chris", Language.EN, Step.JOIN_CODE, CATALOGUE.agenda(method)));
    for (Participant p : Step.MEMBERS) {
      live.decide(p.id(), new Command.JoinMeeting(Step.JOIN_CODE, p.name(), p.role()));
    }
    assertThat(live.state.participants()).hasSize(1 + Step.MEMBERS.size());
    while (toTheBoard && live.state.phase().cards().isEmpty() && live.state.phaseIndex() < live.state.agenda().lastIndex()) {
      live.decide(Step.CHAIR, new Command.AdvancePhase(live.state.phaseIndex()));
    }
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String actor = step.actor(live.state, "p-new-" + i);
      Command command = Told.marked(step.command(live.state, CATALOGUE, true), i);
      if (toTheBoard && command instanceof Command.AddCard c) {
        // Mostly cards that land: the phase's own kind, an owner only where action points are collected.
        boolean points = live.state.phase().cards().contains(CardKind.ACTION_POINT);
        command = new Command.AddCard(c.text(), step.flag() ? null : c.kind(), points ? c.ownerId() : null);
      }
      try {
        live.decide(actor, command);
        Statistics.label("accepted").collect(step.what());
      } catch (Rejected refused) {
        if (step.what() == Step.What.ADD_CARD) {
          Statistics.label("card refused").collect(refused.reason());
        }
        // Expected for many random steps: decide refuses and the state stays as it was.
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("step " + i + ", " + actor + " sends " + Inputs.visible(command.toString()) + ": "
            + Inputs.visible(String.valueOf(e)), e);
      }
    }
    return live;
  }

  /** A meeting kept the way a room keeps it: the state after every accepted command, and every event. */
  static final class Live {
    MeetingState state = MeetingState.NEW;
    final List<Event> events = new ArrayList<>();
    final Told told = new Told();
    long seq;
    long clock = 1_795_000_000_000L;
    int ids;

    void decide(String actor, Command command) {
      MeetingState before = state;
      String encodedBefore = encoded(before);
      Envelope envelope = new Envelope(actor, clock += 1_000, "c-" + ++ids);
      List<Event> batch;
      try {
        batch = Meeting.decide(state, envelope, command);
      } catch (Rejected refused) {
        assertThat(refused.reason()).isNotNull();
        assertThat(refused.getMessage()).isNotBlank();
        // A refusal is a function of the meeting and the command: decided again, the same; and it left the meeting as it was.
        assertThatThrownBy(() -> Meeting.decide(before, envelope, command)).as("decided again")
            .isInstanceOfSatisfying(Rejected.class, again -> assertThat(again.reason()).isEqualTo(refused.reason()));
        assertThat(encoded(before)).as("the meeting after a refusal").isEqualTo(encodedBefore);
        throw refused;
      }
      state = Meeting.replay(state, batch);
      events.addAll(batch);
      for (Event event : batch) {
        switch (event) {
          case Event.CardDeleted e when e.hiddenBy() != null -> Statistics.label("board").collect("hidden card deleted");
          case Event.CardAdded e when e.card().anonymous() -> Statistics.label("board").collect("anonymous card");
          case Event.CardsRevealed e -> Statistics.label("board").collect("cards revealed");
          default -> { }
        }
      }
      if (batch.isEmpty()) {
        assertThat(state).isEqualTo(before);
      }
      Invariants.hold(state);
      if (!batch.isEmpty()) {
        Invariants.showable(told, new Recorded(++seq, actor, null, clock, batch), before, state);
      }
    }
  }

  private static String encoded(MeetingState state) {
    return state.status() == MeetingState.Status.NEW ? String.valueOf(state) : StateJson.encode(state, Set.of()).encode();
  }

  @Provide
  Arbitrary<Method> method() {
    return Step.method(CATALOGUE);
  }

  @Provide
  Arbitrary<Method> secretive() {
    return Step.secretive(CATALOGUE);
  }

  @Provide
  Arbitrary<List<Step>> boardSteps() {
    return Step.boardSteps(150);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Step.steps(150);
  }
}
