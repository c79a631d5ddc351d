package nl.intervision.panel.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Envelope;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Meeting;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.ConcurrentAppend;
import nl.intervision.panel.store.EventLog;

/**
 * One live meeting on this server node: its state, its connected members, and the order in which
 * commands land. Commands are queued so each one is decided against the state left by the one
 * before, even while that one's append is still on its way to the store. Confined to one event
 * loop; nothing here is thread-safe.
 */
public final class Room {
  private static final Logger LOG = Logger.getLogger(Room.class.getName());

  /** Batches kept in memory to welcome back a member who was away briefly without a read. */
  static final int RECENT = 256;
  /** A member who missed more than this gets the state instead of a replay. */
  static final int MAX_MISSED = EventLog.PAGE;
  /** Re-sent command ids remembered per meeting; a meeting rarely sees more commands than this. */
  static final int REMEMBERED_COMMANDS = 2_000;
  /**
   * Tries for one command when other nodes keep writing first. Each lost race means another
   * command landed, so the meeting moves on; the limit only guards against a store that keeps
   * reporting conflicts it cannot explain.
   */
  static final int MAX_ATTEMPTS = 50;
  /**
   * Who is online goes out at most this often per meeting. When a whole meeting reconnects at once
   * (a network blip), six arrivals then cost one or two presence frames per member instead of six.
   */
  static final long PRESENCE_EVERY_MS = 100;

  private final String meetingId;
  private final EventLog log;
  private final LongSupplier clock;
  private final Supplier<String> ids;
  private final Scheduler scheduler;
  private final long chairTakeoverMs;
  private final Runnable whenIdle;

  private MeetingState state = MeetingState.NEW;
  private long seq;
  private final ArrayDeque<Applied> recent = new ArrayDeque<>();
  private final RememberedCommands acked = new RememberedCommands(REMEMBERED_COMMANDS);
  private final List<Member> members = new ArrayList<>();
  private final Map<String, Integer> online = new HashMap<>();
  /** Who is connected, as the domain reads it while deciding (it never keeps it). */
  private final Set<String> onlineView = java.util.Collections.unmodifiableSet(online.keySet());
  private Future<?> tail = Future.succeededFuture();
  private int queued;
  /** Work lent the room through {@link Rooms#using} that has not finished yet. */
  private int held;
  private long chairTakeover = -1;
  private boolean presencePending;
  private boolean erased;

  Room(String meetingId, EventLog log, LongSupplier clock, Supplier<String> ids, Scheduler scheduler,
      long chairTakeoverMs, Runnable whenIdle) {
    this.meetingId = meetingId;
    this.log = log;
    this.clock = clock;
    this.ids = ids;
    this.scheduler = scheduler;
    this.chairTakeoverMs = chairTakeoverMs;
    this.whenIdle = whenIdle;
  }

  public String meetingId() {
    return meetingId;
  }

  public MeetingState state() {
    return state;
  }

  public long seq() {
    return seq;
  }

  /**
   * Decides and stores a command, then hands its events to every member.
   *
   * @param commandId the sender's id for it, or null; a command already stored under this id is not applied again
   * @return the seq the command landed at (or the current seq when it changed nothing); fails with
   *     {@link Rejected}, or with the store's failure, in which case nothing changed
   */
  public Future<Long> submit(String actorId, String commandId, Command command) {
    return enqueue(() -> land(actorId, commandId, command, 1));
  }

  /** Registers a member and tells it where to start; queued with the commands, so nothing slips between. */
  public Future<Void> admit(Member member, Long since) {
    return enqueue(() -> missedSince(since).map(missed -> {
      members.add(member);
      boolean cameOnline = online.merge(member.participantId(), 1, Integer::sum) == 1;
      member.welcome(missed == null ? new Welcome(state, seq, List.of(), since != null, null)
          : new Welcome(state, seq, missed.batches(), false, missed.touched()), online.keySet());
      if (cameOnline) {
        if (member.participantId().equals(state.chairId())) {
          cancelChairTakeover();
        }
        announcePresence();
        cameOnline(member.participantId());
      }
      return null;
    }));
  }

  public void leave(Member member) {
    if (!members.remove(member)) {
      return;
    }
    String id = member.participantId();
    if (online.merge(id, -1, Integer::sum) <= 0) {
      online.remove(id);
      announcePresence();
      wentOffline(id);
    }
    if (idle()) {
      cancelChairTakeover();
      whenIdle.run();
    }
  }

  /** The domain decides what someone's absence changes (the case-bringer's timer pauses). */
  private void wentOffline(String participantId) {
    if (state.status() != MeetingState.Status.OPEN || members.isEmpty()) {
      return;
    }
    serverSubmit(new Command.ParticipantWentOffline(participantId));
    if (participantId.equals(state.chairId()) && chairTakeover < 0) {
      chairTakeover = scheduler.after(chairTakeoverMs, this::chairStillAway);
    }
  }

  /** The domain decides what someone's return changes (back in the speaking order, the open chair closed). */
  private void cameOnline(String participantId) {
    if (state.status() == MeetingState.Status.OPEN) {
      serverSubmit(new Command.ParticipantCameOnline(participantId));
    }
  }

  /** Whether the backup takes over or the chair is opened to all is the domain's rule; the room says who is here. */
  private void chairStillAway() {
    chairTakeover = -1;
    String chair = state.chairId();
    if (chair == null || online.containsKey(chair) || members.isEmpty()) {
      return;
    }
    String backup = state.backupChairId();
    serverSubmit(new Command.ChairTimedOut(chair, backup != null && online.containsKey(backup)));
  }

  private void cancelChairTakeover() {
    if (chairTakeover >= 0) {
      scheduler.cancel(chairTakeover);
      chairTakeover = -1;
    }
  }

  private void serverSubmit(Command command) {
    submit(Envelope.SERVER, null, command).onFailure(e -> LOG.warning(LogLine.of("server_command_failed",
        "meeting", meetingId, "seq", seq, "command", command.getClass().getSimpleName(),
        "reason", e instanceof Rejected rejected ? rejected.reason() : null, "error", LogLine.error(e))));
  }

  /** Reads what other nodes appended since our seq and passes it on to the members. */
  public Future<Void> catchUp() {
    return enqueue(this::readNewer);
  }

  /**
   * Another node's notice brought the batch it appended: the next one is applied as it came, without a
   * read; after a notice that went missing the log fills the gap.
   */
  Future<Void> heard(Recorded batch) {
    return enqueue(() -> {
      if (batch.seq() == seq + 1) {
        apply(batch);
        return Future.succeededFuture();
      }
      return batch.seq() > seq ? readNewer() : Future.succeededFuture();
    });
  }

  boolean idle() {
    return queued == 0 && held == 0 && members.isEmpty();
  }

  void hold() {
    held++;
  }

  void unhold() {
    held--;
  }

  Future<Void> load() {
    return enqueue(this::readNewer);
  }

  public Set<String> online() {
    return online.keySet();
  }

  private <T> Future<T> enqueue(Supplier<Future<T>> work) {
    queued++;
    Promise<T> done = Promise.promise();
    Future<?> before = tail;
    // The tail moves before the work may start: a step that runs at once and queues another (an
    // arrival makes the server decide what it changes) puts that one behind itself, not beside it.
    tail = done.future().andThen(finished -> {
      queued--;
      if (idle()) {
        whenIdle.run();
      }
    });
    before.onComplete(ignored -> {
      Future<T> result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(done);
    });
    return done.future();
  }

  private Future<Long> land(String actorId, String commandId, Command command, int attempt) {
    Long earlier = commandId == null ? null : acked.seqOf(actorId, commandId);
    if (earlier != null) {
      return Future.succeededFuture(earlier);
    }
    long at = clock.getAsLong();
    List<Event> events;
    try {
      events = Meeting.decide(state, new Envelope(actorId, at, ids.get(), onlineView), command);
    } catch (Rejected rejected) {
      return Future.failedFuture(rejected);
    }
    if (events.isEmpty()) {
      return Future.succeededFuture(seq);
    }
    Recorded batch = new Recorded(seq + 1, actorId, commandId, at, events);
    return log.append(meetingId, batch).transform(stored -> {
      if (stored.succeeded()) {
        apply(batch);
        if (erasedBy(batch)) {
          // The end is stored, so it is acknowledged now; the erase itself does not hold the ack up.
          eraseContent();
        }
        return Future.succeededFuture(batch.seq());
      }
      if (stored.cause() instanceof ConcurrentAppend && attempt < MAX_ATTEMPTS) {
        // Another node wrote this seq first: learn what it wrote, then decide again on the new state.
        return readNewer().compose(v -> land(actorId, commandId, command, attempt + 1));
      }
      LOG.warning(LogLine.of("append_failed", "meeting", meetingId, "seq", batch.seq(),
          "command", command.getClass().getSimpleName(), "attempt", attempt, "error", LogLine.error(stored.cause())));
      return Future.failedFuture(stored.cause());
    });
  }

  private static boolean erasedBy(Recorded batch) {
    return batch.events().stream().anyMatch(e -> e instanceof Event.MeetingEnded end && Boolean.TRUE.equals(end.erased()));
  }

  /** The chair ended the meeting here and asked to erase it now. */
  private void eraseContent() {
    log.erase(meetingId).onFailure(e ->
        // The end is stored; the retention job erases what this attempt could not.
        LOG.warning(LogLine.of("erase_failed", "meeting", meetingId, "seq", seq, "error", LogLine.error(e))));
  }

  /**
   * The meeting's content is erased, by this node or another: everyone goes, and nothing of it is
   * served from memory any more ({@link Rooms} drops an erased room).
   */
  private void contentGone() {
    erased = true;
    // Next turn of the event loop: the ack of whoever ended the meeting goes out first.
    scheduler.after(1, () -> List.copyOf(members).forEach(Member::meetingGone));
  }

  public boolean erased() {
    return erased;
  }

  private Future<Void> readNewer() {
    return log.read(meetingId, seq, EventLog.PAGE).compose(batches -> {
      for (Recorded batch : batches) {
        if (batch.seq() == seq + 1) {
          apply(batch);
        } else if (batch.seq() > seq && erasedBy(batch) && !erased) {
          // Erased by another node while this one was behind: only the end is left to read.
          contentGone();
        }
      }
      return batches.size() == EventLog.PAGE ? readNewer() : Future.succeededFuture();
    });
  }

  private void apply(Recorded batch) {
    MeetingState before = state;
    state = Meeting.replay(state, batch.events());
    seq = batch.seq();
    // Once per batch: what changed, for every member to take their share of.
    Touched touched = Touched.between(before, state);
    if (batch.commandId() != null) {
      acked.remember(batch.actorId(), batch.commandId(), seq);
    }
    recent.addLast(new Applied(batch, touched));
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
    for (Member member : List.copyOf(members)) {
      try {
        member.deliver(batch, touched, state);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, LogLine.of("delivery_failed", "meeting", meetingId, "seq", seq), e);
      }
    }
    if (erasedBy(batch)) {
      contentGone();
    }
  }

  /** A batch this room applied, with what it changed. */
  private record Applied(Recorded batch, Touched touched) {}

  /**
   * The batches after some seq, and what they changed together: null when they were read back from the
   * log, since only the batches this room applied itself come with that.
   */
  private record Missed(List<Recorded> batches, Touched touched) {}

  /** @return the batches after {@code since}, or null when they cannot all be replayed */
  private Future<Missed> missedSince(Long since) {
    if (since == null || since > seq || seq - since > MAX_MISSED) {
      return Future.succeededFuture(null);
    }
    if (since == seq) {
      return Future.succeededFuture(new Missed(List.of(), Touched.NOTHING));
    }
    if (!recent.isEmpty() && recent.peekFirst().batch().seq() <= since + 1) {
      List<Recorded> missed = new ArrayList<>();
      Touched touched = Touched.NOTHING;
      for (Applied applied : recent) {
        if (applied.batch().seq() > since) {
          missed.add(applied.batch());
          touched = touched.then(applied.touched());
        }
      }
      return Future.succeededFuture(new Missed(missed, touched));
    }
    long upTo = seq;
    return log.read(meetingId, since, (int) (upTo - since))
        .map(batches -> new Missed(batches.stream().filter(b -> b.seq() <= upTo).toList(), null));
  }

  private void announcePresence() {
    if (!presencePending) {
      presencePending = true;
      scheduler.after(PRESENCE_EVERY_MS, this::sendPresence);
    }
  }

  private void sendPresence() {
    presencePending = false;
    Set<String> now = online.keySet();
    for (Member member : List.copyOf(members)) {
      member.presence(state, now);
    }
  }
}
