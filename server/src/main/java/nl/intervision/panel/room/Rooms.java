package nl.intervision.panel.room;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.store.EventLog;

/**
 * The meetings live on this node. A meeting is loaded from the log when someone needs it, exactly
 * once even when several people arrive in the same instant, and dropped again when nobody is
 * connected and nothing is queued. Confined to one event loop.
 */
public final class Rooms {
  private final EventLog log;
  private final LongSupplier clock;
  private final Supplier<String> ids;
  private final Map<String, Room> open = new HashMap<>();
  private final Map<String, Future<Room>> loading = new HashMap<>();

  public Rooms(EventLog log, LongSupplier clock, Supplier<String> ids) {
    this.log = log;
    this.clock = clock;
    this.ids = ids;
    log.onAppendedElsewhere(this::appendedElsewhere);
  }

  /** A room for a meeting that does not exist yet; its first command must start it. */
  public Room create(String meetingId) {
    Room room = new Room(meetingId, log, clock, ids);
    open.put(meetingId, room);
    return room;
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
    Room fresh = new Room(meetingId, log, clock, ids);
    Future<Room> loaded = fresh.load().compose(v -> {
      if (fresh.state().status() == MeetingState.Status.NEW) {
        return Future.failedFuture(new MeetingNotFound(meetingId));
      }
      open.put(meetingId, fresh);
      return Future.succeededFuture(fresh);
    });
    loading.put(meetingId, loaded);
    return loaded.andThen(done -> loading.remove(meetingId));
  }

  /** Forgets the room when nobody uses it; the log still has everything. */
  public void release(Room room) {
    if (room.idle() && open.get(room.meetingId()) == room) {
      open.remove(room.meetingId());
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
