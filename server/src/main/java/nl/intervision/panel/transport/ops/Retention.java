package nl.intervision.panel.transport.ops;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.store.EventLog;
import nl.intervision.panel.store.GroupStore;
import nl.intervision.panel.store.WrongCodes;

/**
 * Intervision content is confidential: a meeting whose last change is older than the retention
 * period is erased, checked at start-up and every hour after. A group lives for years and keeps only
 * what carries over (action points, learning points, the register); it is erased when nobody changed it
 * for its own, longer period. Wrong join codes older than a minute no longer count and go too.
 */
public final class Retention {
  private static final Logger LOG = Logger.getLogger(Retention.class.getName());
  static final long EVERY_MS = Duration.ofHours(1).toMillis();

  private final Vertx vertx;
  private final EventLog log;
  private final LongSupplier clock;
  private final GroupStore groups;
  private final WrongCodes wrongCodes;
  private final long keepMs;
  private final long keepGroupsMs;
  private long timer = -1;

  public Retention(Vertx vertx, EventLog log, GroupStore groups, WrongCodes wrongCodes, LongSupplier clock,
      int days, int groupDays) {
    this.vertx = vertx;
    this.log = log;
    this.groups = groups;
    this.wrongCodes = wrongCodes;
    this.clock = clock;
    this.keepMs = Duration.ofDays(days).toMillis();
    this.keepGroupsMs = Duration.ofDays(groupDays).toMillis();
  }

  public void start() {
    sweep();
    timer = vertx.setPeriodic(EVERY_MS, id -> sweep());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void sweep() {
    log.eraseIdleSince(clock.getAsLong() - keepMs)
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info(LogLine.of("retention_erased", "meetings", n, "days", keepMs / Duration.ofDays(1).toMillis()));
          }
        })
        .onFailure(e -> LOG.warning(LogLine.of("retention_failed", "error", LogLine.error(e))));
    groups.eraseIdleSince(clock.getAsLong() - keepGroupsMs)
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info(LogLine.of("retention_erased", "groups", n, "days", keepGroupsMs / Duration.ofDays(1).toMillis()));
          }
        })
        .onFailure(e -> LOG.warning(LogLine.of("retention_failed", "error", LogLine.error(e))));
    wrongCodes.forgetOld()
        .onFailure(e -> LOG.warning(LogLine.of("retention_failed", "error", LogLine.error(e))));
  }
}
