package nl.intervision.panel;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.util.logging.Logger;
import nl.intervision.panel.store.Database;
import nl.intervision.panel.transport.Config;
import nl.intervision.panel.transport.HttpVerticle;

/** Starts one server node with the settings from the environment. */
public final class Main {
  static {
    // One line per record: easy to grep, and what log collectors expect.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n");
    }
  }

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (config.databaseUrl() == null) {
      LOG.warning("""
          
          ************************************************************************
          *  NO DATABASE_URL: meetings are kept IN MEMORY and LOST ON RESTART.   *
          *  Set DATABASE_URL=postgresql://user@host:5432/db to keep them.       *
          ************************************************************************""");
    } else {
      Database.prepare(PgConnectOptions.fromUri(config.databaseUrl()));
    }
    if (config.jwtSecretGenerated()) {
      LOG.warning("no JWT_SECRET: using a random one, so tokens stop working when this process stops");
    }

    Vertx vertx = Vertx.vertx();
    HttpVerticle node = new HttpVerticle(config);
    vertx.deployVerticle(node)
        .onSuccess(id -> LOG.info("Intervision Panel listening on port " + node.port() + ", public URL " + config.publicUrl()))
        .onFailure(e -> {
          LOG.severe("could not start: " + e.getMessage());
          vertx.close();
          System.exit(1);
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "shutdown"));
  }
}
