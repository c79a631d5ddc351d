package nl.intervision.panel.store;

/** The sequence number was already taken: someone else wrote to this meeting first. */
public final class ConcurrentAppend extends RuntimeException {
  public ConcurrentAppend(String meetingId, long seq) {
    super("meeting " + meetingId + " already has seq " + seq, null, false, false);
  }
}
