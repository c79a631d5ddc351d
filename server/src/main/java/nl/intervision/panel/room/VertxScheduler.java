package nl.intervision.panel.room;

import io.vertx.core.Vertx;
import nl.intervision.panel.room.Scheduler;

/** Vert.x timers fire on the event loop that set them: the rooms' own. */
public record VertxScheduler(Vertx vertx) implements Scheduler {
  @Override
  public long after(long delayMs, Runnable task) {
    return vertx.setTimer(Math.max(1, delayMs), id -> task.run());
  }

  @Override
  public void cancel(long id) {
    vertx.cancelTimer(id);
  }
}
