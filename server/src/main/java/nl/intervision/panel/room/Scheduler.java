package nl.intervision.panel.room;

/** Runs something later on the room's own event loop. */
public interface Scheduler {
  long after(long delayMs, Runnable task);

  void cancel(long id);
}
