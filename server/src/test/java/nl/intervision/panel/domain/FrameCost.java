package nl.intervision.panel.domain;

import com.sun.management.ThreadMXBean;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.intervision.panel.domain.Command.AddCard;
import nl.intervision.panel.domain.Command.LowerHand;
import nl.intervision.panel.domain.Command.RaiseHand;
import nl.intervision.panel.domain.Command.UnvoteCard;
import nl.intervision.panel.domain.Command.VoteCard;
import nl.intervision.panel.protocol.Wire;
import nl.intervision.panel.transport.ws.AppliedFrames;

/**
 * Not a test: what deciding, applying and encoding one batch costs on one thread, without sockets,
 * the database or other processes, for the benchmark's own mix of commands (add a card, vote or
 * unvote, raise or lower a hand) in a meeting of six. It puts the {@code changes} every frame carries
 * (frames as sent today, one encoding for all six when the batch looks the same to everyone) beside
 * frames that carried whole events, as before issue 12. Thread CPU time and allocated bytes, so other
 * work on the machine hardly moves the figures. Run by {@code scripts/bench.sh --frame-cost}.
 */
public final class FrameCost {
  private static final String[] MEMBERS = {Meetings.CHAIR, Meetings.ANNA, Meetings.BERT, "p-dana", "p-eve"};
  private static long sink;

  public static void main(String[] args) {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    for (String frames : List.of("events", "changes")) {
      double[] cpu = new double[reps];
      long allocated = 0;
      long chars = 0;
      long refusals = 0;
      for (int rep = 0; rep < reps; rep++) {
        Run run = run(frames, batches);
        cpu[rep] = run.cpuNanos / (double) batches;
        allocated = run.allocated / batches;
        chars = run.chars / batches;
        refusals = run.refusals;
      }
      Arrays.sort(cpu);
      // The first repetitions warm the JIT up; the median of all is what is reported.
      System.out.println(new JsonObject().put("frames", frames).put("batches", batches).put("repeats", reps)
          .put("cpuMicrosPerBatchMedian", cpu[reps / 2] / 1000).put("cpuMicrosPerBatchMin", cpu[0] / 1000)
          .put("allocatedBytesPerBatch", allocated).put("charsPerFrame", chars).put("refusedPerRun", refusals).encode());
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private record Run(long cpuNanos, long allocated, long chars, long refusals) {}

  private static Run run(String frames, int batches) {
    List<Event> history = new ArrayList<>(Meetings.startedWith(Meetings.AGENDA));
    history.add(new Event.ParticipantJoined(new Participant("p-dana", "Dana", Role.PARTICIPANT), 4));
    history.add(new Event.ParticipantJoined(new Participant("p-eve", "Eve", Role.PARTICIPANT), 5));
    // The free question phase, where everyone may add a card and raise a hand, as in the benchmark.
    for (int phase = 0; phase < 3; phase++) {
      history.add(Meetings.at(phase, phase + 1));
    }
    MeetingState state = Meeting.replay(MeetingState.NEW, history);
    AppliedFrames applied = new AppliedFrames(() -> 1L);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long allocated0 = threads.getCurrentThreadAllocatedBytes();
    long chars = 0;
    long refusals = 0;
    String lastCard = null;
    boolean voted = false;
    boolean[] hand = new boolean[MEMBERS.length];
    for (int i = 0; i < batches; i++) {
      int member = i % MEMBERS.length;
      int step = (i / MEMBERS.length) % 3;
      Command command;
      if (step == 0 && state.cards().size() < 40) {
        command = new AddCard("Wat had je gehoopt dat er zou gebeuren? #" + i, null, null);
      } else if (step == 1 && lastCard != null) {
        command = voted ? new UnvoteCard(lastCard) : new VoteCard(lastCard);
      } else {
        command = hand[member] ? new LowerHand() : new RaiseHand();
      }
      List<Event> events;
      try {
        events = Meeting.decide(state, new Envelope(MEMBERS[member], i, "c-" + i), command);
      } catch (Rejected refused) {
        refusals++;
        continue;
      }
      voted ^= command instanceof VoteCard || command instanceof UnvoteCard;
      hand[member] ^= command instanceof RaiseHand || command instanceof LowerHand;
      MeetingState before = state;
      state = Meeting.replay(state, events);
      for (Event event : events) {
        if (event instanceof Event.CardAdded added) {
          lastCard = added.card().id();
        }
      }
      Recorded batch = new Recorded(i + 1, MEMBERS[member], "c-" + i, i, events);
      if (frames.equals("events")) {
        String frame = new JsonObject().put("type", "applied").put("seq", batch.seq())
            .put("events", Wire.events(events)).put("serverTime", 1L).encode();
        chars += frame.length();
      } else {
        Touched touched = Touched.between(before, state);
        for (Participant recipient : state.participants()) {
          String frame = applied.frameFor(batch, touched, recipient, state);
          sink += frame.length();
          if (recipient.id().equals(Meetings.CHAIR)) {
            chars += frame.length();
          }
        }
      }
    }
    return new Run(threads.getCurrentThreadCpuTime() - cpu0, threads.getCurrentThreadAllocatedBytes() - allocated0,
        chars, refusals);
  }
}
