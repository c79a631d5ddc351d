package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.domain.Visibility;
import nl.intervision.panel.protocol.StateJson;
import nl.intervision.panel.room.Member;
import nl.intervision.panel.room.Welcome;
import nl.intervision.panel.store.InMemoryEventLog;
import nl.intervision.panel.support.Page;
import nl.intervision.panel.transport.ws.AppliedFrames;
import nl.intervision.panel.transport.ws.WelcomeFrame;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The page keeps no rules of its own: it merges {@code changes}. So for random meetings, everyone in
 * them (chair, participants, the observer, the case-bringer, authors of anonymous and silent cards,
 * newcomers) takes their welcome state and merges every {@code applied} frame's changes exactly as
 * docs/PROTOCOL.md says, and after every seq must have exactly what a fresh welcome would show them.
 * The frames are the ones a socket sends (AppliedFrames, WelcomeFrame), read back from their text.
 * Someone resuming with {@code since} merges the welcome's changes into what they had at that seq and
 * must arrive at the same.
 */
class ChangesPropertyTest {

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void everyoneMergingTheChangesHasExactlyWhatAWelcomeWouldShowThem(
      @ForAll("method") Method method, @ForAll("steps") List<Step> steps) {
    InMemoryEventLog log = new InMemoryEventLog();
    RoomRun run = new RoomRun(RoomRun.Loop.direct(), RoomRun.rooms(log), log, "m-" + UUID.randomUUID());
    // One for the room, as a node has one: a batch that looks the same to all is encoded once and shared.
    AppliedFrames frames = new AppliedFrames(() -> 0L);
    Map<String, Reader> readers = new LinkedHashMap<>();
    run.start(method);
    admitNewcomers(run, frames, readers);
    for (int i = 0; i < steps.size(); i++) {
      run.take(i, steps.get(i));
      for (Reader reader : readers.values()) {
        reader.throwProblems("step " + i + " " + steps.get(i));
      }
      admitNewcomers(run, frames, readers);
      List<Reader> present = readers.values().stream().filter(r -> !r.gone).toList();
      Reader back = present.get(i % present.size());
      resume(run, back, Math.max(back.firstSeq, back.seq - (i * 7L) % 16));
    }
    for (Reader reader : readers.values()) {
      if (!reader.gone) {
        resume(run, reader, reader.firstSeq);
      }
    }
    Statistics.label("changes").coverage(coverage -> {
      coverage.check("cardOrder").count(n -> n > 0);
      coverage.check("removedCards").count(n -> n > 0);
      coverage.check("unset").count(n -> n > 0);
      coverage.check("placeholder").count(n -> n > 0);
      coverage.check("anonymous").count(n -> n > 0);
      // Sent with every change of someone's role, so the hand-overs are covered too.
      coverage.check("joinCode").count(n -> n > 0);
    });
  }

  private static void admitNewcomers(RoomRun run, AppliedFrames frames, Map<String, Reader> readers) {
    for (Participant p : run.state().participants()) {
      if (!readers.containsKey(p.id())) {
        Reader reader = new Reader(p.id(), frames);
        readers.put(p.id(), reader);
        run.onRoom(room -> room.admit(reader, null));
        reader.throwProblems("welcome of " + p.id());
      }
    }
  }

  /** Someone opens a second socket with since: the welcome's changes, merged into their page at since, are the state. */
  private static void resume(RoomRun run, Reader reader, long since) {
    Captured second = new Captured(reader.id);
    run.onRoom(room -> room.admit(second, since));
    run.onRoom(room -> {
      room.leave(second);
      return Future.succeededFuture();
    });
    MeetingState state = second.welcome.state();
    Participant me = state.participant(reader.id).orElseThrow();
    JsonObject frame = wire(WelcomeFrame.build(second.welcome, me, second.online, true, false, 0));
    assertThat(frame.containsKey("state")).as("a welcome from memory carries no state").isFalse();
    assertThat(frame.getJsonArray("missed").stream().map(b -> ((JsonObject) b).getLong("seq")).toList())
        .containsExactlyElementsOf(LongStream.rangeClosed(since + 1, second.welcome.seq()).boxed().toList());
    JsonObject merged = Page.online(Page.merge(reader.history.get(since), frame.getJsonObject("changes")),
        frame.getJsonArray("online"));
    JsonObject expected = wire(StateJson.encode(Visibility.stateFor(state, me), second.online, me));
    assertThat(merged).as("%s back from seq %d at %d with %s", reader.id, since, second.welcome.seq(),
        frame.getJsonObject("changes")).isEqualTo(expected);
    Statistics.label("resumed over").collect(second.welcome.seq() - since);

    // And asking for the whole state gets it.
    JsonObject full = wire(WelcomeFrame.build(second.welcome, me, second.online, true, true, 0));
    assertThat(full.getJsonObject("state")).isEqualTo(expected);
    assertThat(full.containsKey("changes")).isFalse();
  }

  /** The fields in which the page differs from what it should be (the agenda alone is long). */
  static String differences(JsonObject page, JsonObject expected) {
    StringBuilder text = new StringBuilder();
    Set<String> fields = new java.util.LinkedHashSet<>(expected.fieldNames());
    fields.addAll(page.fieldNames());
    for (String field : fields) {
      if (!java.util.Objects.equals(page.getValue(field), expected.getValue(field))) {
        text.append("\n  ").append(field).append(": page has ").append(page.getValue(field))
            .append("\n  ").append(" ".repeat(field.length())).append("  should be ").append(expected.getValue(field));
      }
    }
    return text.toString();
  }

  /** As the text on the wire would be read back by a client. */
  static JsonObject wire(JsonObject json) {
    return new JsonObject(json.encode());
  }

  /** One person's page: the welcome, then every applied frame merged in, checked after each. */
  static final class Reader implements Member {
    final String id;
    private final AppliedFrames frames;
    private final List<String> problems = new ArrayList<>();
    /** The page as it stood after each seq. */
    final Map<Long, JsonObject> history = new HashMap<>();
    Participant me;
    JsonObject page;
    long seq;
    long firstSeq;
    boolean gone;

    Reader(String id, AppliedFrames frames) {
      this.id = id;
      this.frames = frames;
    }

    @Override
    public String participantId() {
      return id;
    }

    @Override
    public void welcome(Welcome welcome, Set<String> online) {
      me = welcome.state().participant(id).orElseThrow();
      JsonObject frame = wire(WelcomeFrame.build(welcome, me, online, false, false, 0));
      page = frame.getJsonObject("state");
      seq = firstSeq = welcome.seq();
      history.put(seq, page);
    }

    @Override
    public void deliver(Recorded batch, Touched touched, MeetingState after) {
      if (gone) {
        return;
      }
      try {
        Participant now = after.participant(id).orElse(null);
        JsonObject frame = new JsonObject(frames.frameFor(batch, touched, now != null ? now : me, after));
        if (frame.getLong("seq") != seq + 1) {
          problems.add(id + " got seq " + frame.getLong("seq") + " after " + seq);
        }
        JsonObject changes = frame.getJsonObject("changes");
        for (String field : changes.fieldNames()) {
          Statistics.label("changes").collect(field);
        }
        if (changes.getJsonArray("cards", new JsonArray()).stream().anyMatch(c -> ((JsonObject) c).getBoolean("hidden")
            && !((JsonObject) c).containsKey("text"))) {
          Statistics.label("changes").collect("placeholder");
        }
        if (changes.getJsonArray("cards", new JsonArray()).stream().anyMatch(c -> ((JsonObject) c).getBoolean("anonymous")
            && !((JsonObject) c).containsKey("authorId"))) {
          Statistics.label("changes").collect("anonymous");
        }
        JsonObject before = page;
        page = Page.merge(page, changes);
        seq = batch.seq();
        notices(frame.getJsonArray("events"), page);
        if (now == null) {
          // Removed: this last frame says so, and nothing follows.
          gone = true;
          if (!changes.getJsonArray("removedParticipants", new JsonArray()).contains(id)) {
            problems.add(id + " was removed at " + seq + " without being told: " + changes);
          }
          return;
        }
        me = now;
        history.put(seq, page);
        JsonObject expected = wire(StateJson.encode(Visibility.stateFor(after, now), Set.of(), now));
        if (!Page.withoutOnline(page).equals(Page.withoutOnline(expected))) {
          problems.add(id + " (" + now.role() + ") at seq " + seq + " after " + batch.events() + "\n  changes  "
              + changes.encode() + differences(Page.withoutOnline(page), Page.withoutOnline(expected)));
        }
      } catch (RuntimeException e) {
        problems.add(id + " at seq " + batch.seq() + ": " + e);
      }
    }

    /**
     * Events are notices (docs/PROTOCOL.md 6): they leave the results to {@code changes}, and every
     * card they name is one this person now has on their page.
     */
    private void notices(JsonArray events, JsonObject page) {
      Set<String> onPage = new java.util.HashSet<>();
      page.getJsonArray("cards").forEach(c -> onPage.add(((JsonObject) c).getString("id")));
      for (Object item : events) {
        JsonObject event = (JsonObject) item;
        for (String result : List.of("card", "cards", "speaking", "method", "text")) {
          if (event.containsKey(result)) {
            problems.add(id + " at seq " + seq + ": the event carries its " + result + ": " + event.encode());
          }
        }
        List<Object> named = switch (event.getString("type")) {
          case "cardAdded" -> List.of(event.getString("cardId"));
          case "cardsRevealed" -> event.getJsonArray("cardIds").getList();
          default -> List.of();
        };
        for (Object cardId : named) {
          if (!onPage.contains(cardId)) {
            problems.add(id + " at seq " + seq + ": " + event.getString("type") + " names " + cardId
                + ", which is not on their page");
          }
        }
      }
    }

    void throwProblems(String when) {
      if (!problems.isEmpty()) {
        throw new AssertionError(when + ":\n" + String.join("\n", problems));
      }
    }

    @Override
    public void meetingGone() {
    }

    @Override
    public void presence(MeetingState state, Set<String> online) {
    }
  }

  /** A second socket that only takes its welcome. */
  static final class Captured implements Member {
    private final String id;
    Welcome welcome;
    Set<String> online;

    Captured(String id) {
      this.id = id;
    }

    @Override
    public String participantId() {
      return id;
    }

    @Override
    public void welcome(Welcome welcome, Set<String> online) {
      this.welcome = welcome;
      this.online = Set.copyOf(online);
    }

    @Override
    public void deliver(Recorded batch, Touched touched, MeetingState after) {
    }

    @Override
    public void meetingGone() {
    }

    @Override
    public void presence(MeetingState state, Set<String> online) {
    }
  }

  /** Mostly a method with silent or anonymous phases: those are where people see the board differently. */
  @Provide
  Arbitrary<Method> method() {
    List<Method> hiding = RoomRun.CATALOGUE.methods().stream()
        .filter(m -> m.phases().stream().anyMatch(p -> p.silent() || p.anonymous())).toList();
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(hiding)), Tuple.of(1, Step.method(RoomRun.CATALOGUE)));
  }

  /**
   * Random steps, with more of what makes views differ than the general runs have: moving on into the
   * silent phases, writing there, revealing (so cards appear in the middle of someone's board), deleting and handing the chair over.
   */
  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> who = Arbitraries.integers().between(0, 9);
    Arbitrary<Step> write = who.map(i -> new Step(Step.Who.FITTING, i, Step.What.ADD_CARD, -1, 0, "card " + i, true, -1));
    Arbitrary<Step> advance = Arbitraries.just(new Step(Step.Who.FITTING, 0, Step.What.ADVANCE, 0, 0, "", true, -1));
    Arbitrary<Step> reveal = Arbitraries.just(new Step(Step.Who.FITTING, 0, Step.What.REVEAL, 0, 0, "", true, -1));
    Arbitrary<Step> revealAuthor = Combinators.combine(who, Arbitraries.integers().between(0, 30))
        .as((i, card) -> new Step(Step.Who.MEMBER, i, Step.What.REVEAL_AUTHOR, card, 0, "", true, -1));
    // The chair may delete any card, hidden ones too: removedCards for those who saw it, nothing for the others.
    Arbitrary<Step> delete = Arbitraries.integers().between(0, 30)
        .map(card -> new Step(Step.Who.CHAIR, 0, Step.What.DELETE, card, 0, "", true, -1));
    // A new chair sees the placeholders of hidden cards, the former one no longer does.
    Arbitrary<Step> handOver = who.map(i -> new Step(Step.Who.CHAIR, 0, Step.What.HAND_OVER, i, 0, "", true, -1));
    // Someone joining, or another case-bringer, changes how many may write in a silent phase.
    Arbitrary<Step> join = who.map(i -> new Step(Step.Who.FITTING, i, Step.What.JOIN, 0, i, "Newcomer " + i, true, -1));
    Arbitrary<Step> caseBringer = who.map(i -> new Step(Step.Who.CHAIR, 0, Step.What.CHOOSE_CASE_BRINGER, i, 0, "", true, -1));
    Arbitrary<Step> step = Arbitraries.frequencyOf(Tuple.of(10, Step.step()), Tuple.of(5, write), Tuple.of(3, advance),
        Tuple.of(2, reveal), Tuple.of(1, revealAuthor), Tuple.of(1, delete), Tuple.of(1, handOver), Tuple.of(1, join),
        Tuple.of(1, caseBringer));
    return step.list().ofMinSize(1).ofMaxSize(100).withSizeDistribution(RandomDistribution.uniform());
  }
}
