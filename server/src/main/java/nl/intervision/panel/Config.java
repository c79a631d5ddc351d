package nl.intervision.panel;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import nl.intervision.panel.store.DatabaseUrl;
import nl.intervision.panel.store.PgEventLog;

/**
 * The server's settings, read from environment variables; README.md has the table.
 *
 * @param databaseSslRootCert DATABASE_SSL_ROOT_CERT: the PEM file of the root certificate(s) the database's
 *     certificate must be signed by; wins over the URL's sslrootcert (see {@link #database()})
 * @param jwtSecretGenerated true when no JWT_SECRET was given and a random one was made for this process
 * @param connectsPerSecond WebSockets one address may open per second on average; 0: no limit
 * @param joinFailuresPerMinute wrong join codes one address may send per minute; 0: no limit
 * @param meetingJoinFailuresPerMinute wrong join codes one meeting takes per minute, from everyone; 0: no limit
 * @param deviceLinkLifetime how long a code that opens one's seat on another device is valid (DEVICE_LINK_MINUTES)
 * @param trustedProxies addresses of reverse proxies whose X-Forwarded-For names the real client
 * @param metricsToken when set, GET /metrics wants it as {@code Authorization: Bearer <token>}; null leaves it open
 * @param logLevel the level of our own loggers (LOG_LEVEL); libraries log at INFO
 * @param pingEveryMs a socket from which nothing arrived for this long gets a WebSocket ping; 0: the
 *     server never pings nor closes a quiet socket (PING_EVERY_SECONDS)
 * @param groupTokenLifetime how long a group token lasts (GROUP_TOKEN_TTL_DAYS); each read of the group renews it
 * @param groupRetentionDays a group nobody changed for this many days is erased (GROUP_RETENTION_DAYS)
 * @param pingTimeoutMs after such a ping, how long the socket may stay silent before it is closed with
 *     4504 (PING_TIMEOUT_SECONDS); at least a second while pinging is on
 * @param databaseListenUrl where the one LISTEN connection goes (DATABASE_LISTEN_URL); DATABASE_URL unless set,
 *     null in memory
 * @param listenHeartbeatMs how often that connection is asked for a {@code SELECT 1} (LISTEN_HEARTBEAT_SECONDS); 0: never
 * @param listenHeartbeatTimeoutMs how long it may take to answer before it is replaced (LISTEN_HEARTBEAT_TIMEOUT_SECONDS)
 * @param dbCommitsInFlight how many commit groups one process writes side by side (DB_COMMITS_IN_FLIGHT); fewer
 *     than dbPoolSize, so that one connection stays free for reads
 */
public record Config(
    String host,
    int port,
    String databaseUrl,
    String databaseSslRootCert,
    String jwtSecret,
    boolean jwtSecretGenerated,
    String publicUrl,
    List<String> allowedOrigins,
    Duration tokenLifetime,
    Duration deviceLinkLifetime,
    long helloTimeoutMs,
    int maxFrameBytes,
    int framesPerSecond,
    int frameBurst,
    int connectsPerSecond,
    int connectBurst,
    int joinFailuresPerMinute,
    int meetingJoinFailuresPerMinute,
    List<String> trustedProxies,
    int dbPoolSize,
    long chairTakeoverMs,
    int retentionDays,
    List<String> frameAncestors,
    Map<String, String> platformSettings,
    int outboundLimitBytes,
    long roomLingerMs,
    boolean metricsEnabled,
    String metricsToken,
    Level logLevel,
    long pingEveryMs,
    long pingTimeoutMs,
    Duration groupTokenLifetime,
    int groupRetentionDays,
    String databaseListenUrl,
    long listenHeartbeatMs,
    long listenHeartbeatTimeoutMs,
    int dbCommitsInFlight) {

  /** The settings that switch on sign-in through each meeting platform (README, "Meeting platforms"). */
  static final List<String> PLATFORM_PREFIXES = List.of("JITSI_", "TEAMS_", "GOOGLE_", "WEBEX_", "ZOOM_");

  /** The meeting platforms' hosts that may show the panel in a frame (Teams, Zoom, Google Meet, Webex). */
  public static final String DEFAULT_FRAME_ANCESTORS = "https://teams.microsoft.com https://*.teams.microsoft.com "
      + "https://*.teams.microsoft.us https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com "
      + "https://outlook.office.com https://outlook.office365.com https://*.skype.com "
      + "https://*.zoom.us https://*.zoom.com https://meet.google.com https://webex.com https://*.webex.com";

  public static Config fromEnv(Map<String, String> env) {
    int port = integer(env, "PORT", 8080);
    String databaseUrl = blankToNull(env.get("DATABASE_URL"));
    String databaseSslRootCert = blankToNull(env.get("DATABASE_SSL_ROOT_CERT"));
    if (databaseUrl != null) {
      DatabaseUrl.parse(databaseUrl, databaseSslRootCert);
    } else if (databaseSslRootCert != null) {
      throw new IllegalArgumentException("DATABASE_SSL_ROOT_CERT is set but DATABASE_URL is not: there is no database to check");
    }
    String secret = blankToNull(env.get("JWT_SECRET"));
    if (secret == null && databaseUrl != null) {
      throw new IllegalArgumentException(
          "JWT_SECRET is required with DATABASE_URL: tokens must stay valid across restarts and nodes");
    }
    if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      // Refused here with the other settings (exit 2), so a service manager does not restart it in a loop.
      throw new IllegalArgumentException("JWT_SECRET must be at least 32 bytes (HS256 needs a 256-bit key);"
          + " make one with: openssl rand -base64 48");
    }
    boolean generated = secret == null;
    if (generated) {
      secret = randomSecret();
    }
    String publicUrl = stripSlash(env.getOrDefault("PUBLIC_URL", "http://localhost:" + port));
    return new Config(
        env.getOrDefault("HOST", "0.0.0.0"),
        port,
        databaseUrl,
        databaseSslRootCert,
        secret,
        generated,
        publicUrl,
        origins(env.get("ALLOWED_ORIGINS")),
        Duration.ofHours(integer(env, "TOKEN_TTL_HOURS", 12)),
        Duration.ofMinutes(atLeastOne(env, "DEVICE_LINK_MINUTES", 10)),
        integer(env, "HELLO_TIMEOUT_MS", 5_000),
        integer(env, "MAX_FRAME_BYTES", 16 * 1024),
        integer(env, "FRAMES_PER_SECOND", 20),
        integer(env, "FRAME_BURST", 60),
        notNegative(env, "CONNECTS_PER_SECOND", 10),
        notNegative(env, "CONNECT_BURST", 30),
        notNegative(env, "JOIN_FAILURES_PER_MINUTE", 5),
        notNegative(env, "JOIN_FAILURES_PER_MINUTE_PER_MEETING", 30),
        list(env.get("TRUSTED_PROXIES")),
        integer(env, "DB_POOL_SIZE", 4),
        integer(env, "CHAIR_TAKEOVER_SECONDS", 60) * 1000L,
        integer(env, "RETENTION_DAYS", 30),
        List.of(env.getOrDefault("FRAME_ANCESTORS", DEFAULT_FRAME_ANCESTORS).trim().split("[\\s,]+")),
        platformSettings(env),
        integer(env, "OUTBOUND_LIMIT_BYTES", 256 * 1024),
        notNegative(env, "ROOM_LINGER_SECONDS", 30) * 1000L,
        bool(env, "METRICS_ENABLED", true),
        blankToNull(env.get("METRICS_TOKEN")),
        logLevel(env.get("LOG_LEVEL")),
        notNegative(env, "PING_EVERY_SECONDS", 20) * 1000L,
        pingTimeout(env) * 1000L,
        Duration.ofDays(integer(env, "GROUP_TOKEN_TTL_DAYS", 180)),
        integer(env, "GROUP_RETENTION_DAYS", 730),
        listenUrl(env, databaseUrl),
        notNegative(env, "LISTEN_HEARTBEAT_SECONDS", 10) * 1000L,
        listenHeartbeatTimeout(env) * 1000L,
        commitsInFlight(env));
  }

  private static int commitsInFlight(Map<String, String> env) {
    int poolSize = integer(env, "DB_POOL_SIZE", 4);
    if (!env.containsKey("DB_COMMITS_IN_FLIGHT")) {
      return PgEventLog.defaultGroupsInFlight(poolSize);
    }
    int commits = atLeastOne(env, "DB_COMMITS_IN_FLIGHT", 2);
    if (commits >= poolSize) {
      throw new IllegalArgumentException("DB_COMMITS_IN_FLIGHT must be less than DB_POOL_SIZE (" + poolSize
          + "), so that one connection stays free for reads, not " + commits);
    }
    return commits;
  }

  private static String listenUrl(Map<String, String> env, String databaseUrl) {
    String listenUrl = blankToNull(env.get("DATABASE_LISTEN_URL"));
    if (listenUrl != null && databaseUrl == null) {
      throw new IllegalArgumentException("DATABASE_LISTEN_URL needs DATABASE_URL: without it meetings live in memory "
          + "and there is nothing to listen to");
    }
    if (listenUrl != null) {
      // Refused at start, like a bad DATABASE_URL, not at the first reconnect.
      DatabaseUrl.parse(listenUrl, blankToNull(env.get("DATABASE_SSL_ROOT_CERT")));
    }
    return listenUrl == null ? databaseUrl : listenUrl;
  }

  /** A timeout of 0 would give up on the LISTEN connection at every heartbeat. */
  private static int listenHeartbeatTimeout(Map<String, String> env) {
    int timeout = notNegative(env, "LISTEN_HEARTBEAT_TIMEOUT_SECONDS", 5);
    if (timeout == 0 && notNegative(env, "LISTEN_HEARTBEAT_SECONDS", 10) > 0) {
      throw new IllegalArgumentException(
          "LISTEN_HEARTBEAT_TIMEOUT_SECONDS must be 1 or more while LISTEN_HEARTBEAT_SECONDS is not 0");
    }
    return timeout;
  }

  /** Where the database is and how to reach it; null when meetings are kept in memory. */
  public DatabaseUrl database() {
    return databaseUrl == null ? null : DatabaseUrl.parse(databaseUrl, databaseSslRootCert);
  }

  /** Where the one LISTEN connection goes, read as DATABASE_URL is (TLS settings included); null in memory. */
  public DatabaseUrl databaseListen() {
    return databaseListenUrl == null ? null : DatabaseUrl.parse(databaseListenUrl, databaseSslRootCert);
  }

  /** A timeout of 0 would close every socket the moment it is pinged; with pinging off it is not used. */
  private static int pingTimeout(Map<String, String> env) {
    int timeout = notNegative(env, "PING_TIMEOUT_SECONDS", 10);
    if (timeout == 0 && notNegative(env, "PING_EVERY_SECONDS", 20) > 0) {
      throw new IllegalArgumentException("PING_TIMEOUT_SECONDS must be 1 or more while PING_EVERY_SECONDS is not 0");
    }
    return timeout;
  }

  /** Settings for tests: in memory, any free port, a fixed secret, and whatever the test sets on top. */
  public static Config forTests(Map<String, String> overrides) {
    Map<String, String> env = new java.util.HashMap<>(
        Map.of("PORT", "0", "JWT_SECRET", "test-secret-that-is-long-enough-for-hs256!"));
    env.putAll(overrides);
    return fromEnv(env);
  }

  private static Map<String, String> platformSettings(Map<String, String> env) {
    Map<String, String> settings = new java.util.HashMap<>();
    env.forEach((name, value) -> {
      if (PLATFORM_PREFIXES.stream().anyMatch(name::startsWith)) {
        settings.put(name, value);
      }
    });
    return Map.copyOf(settings);
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  private static int notNegative(Map<String, String> env, String name, int fallback) {
    int value = integer(env, name, fallback);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
    }
    return value;
  }

  private static int atLeastOne(Map<String, String> env, String name, int fallback) {
    int value = integer(env, name, fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more, not " + value);
    }
    return value;
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> origins(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Config::origin).toList();
  }

  /** An origin is scheme://host[:port], without path; "https://x.org/" and "https://x.org" are the same. */
  public static String origin(String url) {
    URI uri = URI.create(url.strip());
    if (uri.getScheme() == null || uri.getHost() == null) {
      return url.strip();
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    };
  }

  /** Our own loggers' level; libraries stay at INFO. */
  private static Level logLevel(String value) {
    if (value == null || value.isBlank()) {
      return Level.INFO;
    }
    return switch (value.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "ERROR", "SEVERE" -> Level.SEVERE;
      case "WARN", "WARNING" -> Level.WARNING;
      case "INFO" -> Level.INFO;
      case "DEBUG", "FINE" -> Level.FINE;
      case "TRACE", "FINEST", "ALL" -> Level.ALL;
      default -> throw new IllegalArgumentException("LOG_LEVEL must be one of error, warn, info, debug, trace; not '" + value + "'");
    };
  }
}
