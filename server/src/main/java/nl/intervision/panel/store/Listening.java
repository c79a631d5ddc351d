package nl.intervision.panel.store;

import io.vertx.pgclient.PgConnectOptions;

/**
 * How a node hears the other nodes: where its one LISTEN connection goes, and how often it checks
 * that this connection still answers. A NAT or load balancer that forgets an idle connection, or a
 * stalled TCP path, closes nothing: without the check the node would stay deaf to the others for good.
 *
 * @param options where to LISTEN; must reach PostgreSQL in session mode (directly or through a
 *     session-mode pooler): a transaction-mode pooler forgets the LISTEN with the transaction
 * @param heartbeatEveryMs how long after an answer the next {@code SELECT 1} goes out; 0: never
 * @param heartbeatTimeoutMs how long a {@code SELECT 1} may go unanswered before the connection counts as dead
 */
public record Listening(PgConnectOptions options, long heartbeatEveryMs, long heartbeatTimeoutMs) {
  public static final long DEFAULT_EVERY_MS = 10_000;
  public static final long DEFAULT_TIMEOUT_MS = 5_000;

  public Listening {
    if (heartbeatEveryMs < 0 || heartbeatTimeoutMs < 0 || (heartbeatEveryMs > 0 && heartbeatTimeoutMs == 0)) {
      throw new IllegalArgumentException("a heartbeat needs a timeout above 0");
    }
  }

  /** Through the same address as the pool, with the default heartbeat. */
  public static Listening through(PgConnectOptions options) {
    return new Listening(options, DEFAULT_EVERY_MS, DEFAULT_TIMEOUT_MS);
  }
}
