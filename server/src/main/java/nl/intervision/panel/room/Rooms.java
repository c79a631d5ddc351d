package nl.intervision.panel.room;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.EventLog;

/**
 * The meetings live on this node. A meeting is loaded from the log when someone needs it, exactly
 * once even when several people arrive in the same instant, and dropped again when nobody is
 * connected and nothing is queued. Confined to one event loop.
 */
public final class Rooms {
  private static final Logger LOG = Logger.getLogger(Rooms.class.getName());

  private final EventLog log;
  private final LongSupplier clock;
  private final Supplier<String> ids;
  private final Scheduler scheduler;
  private final long chairTakeoverMs;
  private final Map<String, Room> open = new HashMap<>();
  private final Map<String, Future<Room>> loading = new HashMap<>();

  /** @param chairTakeoverMs how long the chair may be offline before a named backup chair takes over */
  public Rooms(EventLog log, LongSupplier clock, Supplier<String> ids, Scheduler scheduler, long chairTakeoverMs) {
    this.log = log;
    this.clock = clock;
    this.ids = ids;
    this.scheduler = scheduler;
    this.chairTakeoverMs = chairTakeoverMs;
    log.onAppendedElsewhere(this::appendedElsewhere);
  }

  /** A room for a meeting that does not exist yet; its first command must start it. */
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

  /** @return the live meeting, loaded from the log if needed; fails with {@link MeetingNotFound} */
  public Future<Room> get(String meetingId) {
    Room room = open.get(meetingId);
    if (room != null) {
      return Future.succeededFuture(room);
    }
    Future<Room> pending = loading.get(meetingId);
    if (pending != null) {
      return pending;
    }
    Room fresh = newRoom(meetingId);
    Future<Room> loaded = fresh.load().compose(v -> {
      if (fresh.state().status() == MeetingState.Status.NEW) {
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
  public void release(Room room) {
    if (room.idle() && open.get(room.meetingId()) == room) {
      open.remove(room.meetingId());
      LOG.fine(() -> LogLine.of("meeting_released", "meeting", room.meetingId(), "seq", room.seq(), "live", open.size()));
    }
  }

  public int size() {
    return open.size();
  }

  private void appendedElsewhere(String meetingId, long seq) {
    if (meetingId == null) {
      open.values().forEach(Room::catchUp);
      return;
    }
    Room room = open.get(meetingId);
    if (room != null && seq > room.seq()) {
      room.catchUp();
    }
  }
}
