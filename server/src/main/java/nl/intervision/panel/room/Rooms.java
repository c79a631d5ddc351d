package nl.intervision.panel.room;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.EventLog;

/**
 * The meetings live on this node. A meeting is loaded from the log when someone needs it, exactly
 * once even when several people arrive in the same instant, and dropped again when nobody is
 * connected and nothing is queued (after a short linger, so that a meeting whose people all drop off at
 * once is still here when they come back). Confined to one event loop.
 */
public final class Rooms {
  private static final Logger LOG = Logger.getLogger(Rooms.class.getName());

  private final EventLog log;
  private final LongSupplier clock;
  private final Supplier<String> ids;
  private final Scheduler scheduler;
  private final long chairTakeoverMs;
  private final long lingerMs;
  private final Map<String, Room> open = new HashMap<>();
  /** Idle rooms kept a little longer, with the timer that lets them go. */
  private final Map<String, Long> lingering = new HashMap<>();
  private final Map<String, Future<Room>> loading = new HashMap<>();

  /**
   * @param chairTakeoverMs how long the chair may be offline before a named backup chair takes over
   * @param lingerMs how long a meeting nobody is connected to stays loaded: when a whole meeting drops
   *     off at once (a network blip, a proxy restarting), everyone comes back to it without a reload,
   *     and their {@code since} is answered from memory
   */
  public Rooms(EventLog log, LongSupplier clock, Supplier<String> ids, Scheduler scheduler, long chairTakeoverMs,
      long lingerMs) {
    this.lingerMs = lingerMs;
    this.log = log;
    this.clock = clock;
    this.ids = ids;
    this.scheduler = scheduler;
    this.chairTakeoverMs = chairTakeoverMs;
    log.onAppendedElsewhere(this::appendedElsewhere);
  }

  /**
   * Lends the meeting's room to the work, and lets the room go (when nobody else needs it) once the
   * work's future completes, failed or not; the log still has everything. Fails with
   * {@link MeetingNotFound}, without running the work, for a meeting that does not exist.
   */
  public <T> Future<T> using(String meetingId, Function<Room, Future<T>> work) {
    return get(meetingId).compose(room -> lend(room, work));
  }

  /** As {@link #using}, for a meeting that does not exist yet: the work's first command must start it. */
  public <T> Future<T> creating(String meetingId, Function<Room, Future<T>> work) {
    return lend(create(meetingId), work);
  }

  private <T> Future<T> lend(Room room, Function<Room, Future<T>> work) {
    room.hold();
    Future<T> done;
    try {
      done = work.apply(room);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    return done.andThen(finished -> {
      room.unhold();
      release(room);
    });
  }

  /**
   * A room for a meeting that does not exist yet; its first command must start it. For a holder that
   * lets it go itself (a test); everyone else goes through {@link #creating}.
   */
  public Room create(String meetingId) {
    Room room = newRoom(meetingId);
    open.put(meetingId, room);
    LOG.fine(() -> LogLine.of("meeting_created", "meeting", meetingId));
    return room;
  }

  private Room newRoom(String meetingId) {
    Room[] self = new Room[1];
    self[0] = new Room(meetingId, log, clock, ids, scheduler, chairTakeoverMs, () -> release(self[0]));
    return self[0];
  }

  /**
   * @return the live meeting, loaded from the log if needed; fails with {@link MeetingNotFound}. For a
   *     holder that keeps it as a member or lets it go itself (a test); everyone else goes through
   *     {@link #using}
   */
  public Future<Room> get(String meetingId) {
    Room room = open.get(meetingId);
    if (room != null && room.erased()) {
      // Its members are on their way out; nothing of it is served any more.
      return Future.failedFuture(new MeetingNotFound(meetingId));
    }
    if (room != null) {
      Long linger = lingering.remove(meetingId);
      if (linger == null) {
        return Future.succeededFuture(room);
      }
      scheduler.cancel(linger);
      // Nobody was connected to keep it current, and a notice from another node may still be on its
      // way: one read of what came after its seq, instead of a whole reload.
      return room.catchUp().map(room);
    }
    Future<Room> pending = loading.get(meetingId);
    if (pending != null) {
      return pending;
    }
    Room fresh = newRoom(meetingId);
    Future<Room> loaded = fresh.load().compose(v -> {
      // Erased: the node that erased it may not have deleted its content yet, but its erasing end is stored.
      if (fresh.state().status() == MeetingState.Status.NEW || fresh.erased()) {
        return Future.failedFuture(new MeetingNotFound(meetingId));
      }
      open.put(meetingId, fresh);
      LOG.fine(() -> LogLine.of("meeting_loaded", "meeting", meetingId, "seq", fresh.seq(), "live", open.size()));
      return Future.succeededFuture(fresh);
    }).onFailure(e -> {
      if (!(e instanceof MeetingNotFound)) {
        LOG.warning(LogLine.of("meeting_load_failed", "meeting", meetingId, "error", LogLine.error(e)));
      }
    });
    loading.put(meetingId, loaded);
    return loaded.andThen(done -> loading.remove(meetingId));
  }

  /** Forgets the room when nobody uses it; the log still has everything. */
  void release(Room room) {
    String id = room.meetingId();
    if (!room.idle() || open.get(id) != room) {
      return;
    }
    if (lingerMs <= 0 || room.state().status() != MeetingState.Status.OPEN || room.erased()) {
      drop(room);
    } else if (!lingering.containsKey(id)) {
      lingering.put(id, scheduler.after(lingerMs, () -> {
        lingering.remove(id);
        if (room.idle() && open.get(id) == room) {
          drop(room);
        }
      }));
    }
  }

  private void drop(Room room) {
    open.remove(room.meetingId());
    LOG.fine(() -> LogLine.of("meeting_released", "meeting", room.meetingId(), "seq", room.seq(), "live", open.size()));
  }

  public int size() {
    return open.size();
  }

  private void appendedElsewhere(String meetingId, long seq, Recorded batch) {
    if (meetingId == null) {
      open.values().forEach(Room::catchUp);
      return;
    }
    Room room = open.get(meetingId);
    if (room != null && seq > room.seq()) {
      if (batch != null) {
        room.heard(batch);
      } else {
        room.catchUp();
      }
    }
  }
}
