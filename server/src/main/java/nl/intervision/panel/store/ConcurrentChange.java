package nl.intervision.panel.store;

/** The group changed since it was read: someone else saved first. Decide again on what is there now. */
public final class ConcurrentChange extends RuntimeException {
  public ConcurrentChange(String groupId, long expectedVersion) {
    super("group " + groupId + " is no longer at version " + expectedVersion, null, false, false);
  }
}
