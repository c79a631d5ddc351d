package nl.intervision.panel.transport.limits;

/**
 * How often one address may open a WebSocket ({@code CONNECTS_PER_SECOND}, {@code CONNECT_BURST}).
 * Checked at the HTTP upgrade, so a refused attempt (429) never becomes a socket. A real person
 * opens one socket per tab and reconnects with back-off; a flood of upgrades from one address is not
 * a person.
 */
public final class ConnectLimit {
  /** Addresses remembered at once; see {@link Buckets} for what happens beyond. */
  static final int ADDRESSES = 20_000;

  private final Buckets perAddress;

  /** @param perSecond 0 switches the limit off */
  public ConnectLimit(int perSecond, int burst) {
    this.perAddress = perSecond <= 0 ? null : new Buckets(perSecond, Math.max(1, burst), ADDRESSES);
  }

  public boolean allows(String address, long nowNanos) {
    return perAddress == null || perAddress.take(address, nowNanos) == 0;
  }
}
