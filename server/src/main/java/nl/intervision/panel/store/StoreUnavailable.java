package nl.intervision.panel.store;

/** The store could not be reached or did not answer in time; trying again later may work. */
public final class StoreUnavailable extends RuntimeException {
  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
