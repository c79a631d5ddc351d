package nl.intervision.panel.log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The server's logging: java.util.logging (what Vert.x and Netty use too), one {@link LogFormat} line per
 * record on standard error, our own loggers at LOG_LEVEL and libraries at INFO. An operator's own
 * {@code -Djava.util.logging.config.file} replaces all of this.
 */
public final class LogSetup {
  /**
   * Held here: java.util.logging keeps loggers weakly, and a collected logger forgets the level set on it.
   * Not made when this class loads: that would start java.util.logging before the manager is chosen.
   */
  private static Logger ours;
  private static Logger micrometer;
  private static Logger pgjdbcHostCheck;

  private LogSetup() {}

  /** Call before the first logger is made, so the last lines of a shutdown are not lost (see {@link KeepLogging}). */
  public static void keepLoggingUntilStopped() {
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", KeepLogging.class.getName());
    }
  }

  public static void apply(Level level) {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFormatter(new LogFormat());
      handler.setLevel(Level.ALL);
    }
    ours = Logger.getLogger("nl.intervision.panel");
    ours.setLevel(level);
    // Vert.x registers its connection gauges once per server socket on purpose and Micrometer warns each
    // time (vertx-micrometer-metrics#259, micrometer#6931); the meters are right, the warning is noise.
    micrometer = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
    micrometer.setFilter(record -> record.getMessage() == null
        || !record.getMessage().startsWith("This Gauge has been already registered"));
    // pgjdbc logs a host name it cannot verify at SEVERE before it throws; the start-up's own line
    // (database_not_ready) says the same with the host, port and sslmode, and is then the only one.
    pgjdbcHostCheck = Logger.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier");
    pgjdbcHostCheck.setLevel(Level.OFF);
  }

  /** Flushes and closes the handlers once the server's own shutdown has logged its last line. */
  public static void stopped() {
    if (LogManager.getLogManager() instanceof KeepLogging manager) {
      manager.resetNow();
    }
  }

  /**
   * The JDK's own shutdown hook resets logging, removing every handler, while our shutdown hook is still
   * closing the server and logging it; this manager waits for {@link #stopped()} instead.
   */
  public static final class KeepLogging extends LogManager {
    private volatile boolean configured;

    @Override
    public void readConfiguration() throws java.io.IOException {
      super.readConfiguration();
      configured = true;
    }

    @Override
    public void reset() {
      if (!configured) {
        super.reset();
      }
    }

    void resetNow() {
      super.reset();
    }
  }
}
