package nl.intervision.panel.transport;

/** A join refused before its code was looked at, because too many wrong codes came from its address or to its meeting. */
final class TooManyWrongCodes extends RuntimeException {
  private final long seconds;

  TooManyWrongCodes(long seconds) {
    super("too many wrong join codes; try again in " + seconds + " seconds", null, false, false);
    this.seconds = seconds;
  }

  /** How long to wait before trying again, in whole seconds. */
  long seconds() {
    return seconds;
  }
}
