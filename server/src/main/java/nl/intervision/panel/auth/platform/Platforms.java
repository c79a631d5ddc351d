package nl.intervision.panel.auth.platform;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The platforms this server accepts sign-in from, each switched on by its settings (README,
 * "Meeting platforms"); a platform without settings is off.
 */
public final class Platforms {
  static final String MICROSOFT_KEYS = "https://login.microsoftonline.com/common/discovery/v2.0/keys";
  static final String GOOGLE_KEYS = "https://www.googleapis.com/oauth2/v3/certs";

  private final Map<String, PlatformVerifier> verifiers = new HashMap<>();
  private final io.vertx.core.json.JsonObject publicSettings = new io.vertx.core.json.JsonObject();

  public Platforms(Vertx vertx, Map<String, String> env, LongSupplier clock) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setIdleTimeout(30));
    if (set(env, "JITSI_APP_ID")) {
      String secret = env.get("JITSI_SECRET");
      SignedTokens signed = set(env, "JITSI_JWKS_URL") ? new SignedTokens(new JwksKeys(http, env.get("JITSI_JWKS_URL"), clock), clock) : null;
      if (!set(env, "JITSI_SECRET") && signed == null) {
        throw new IllegalArgumentException("JITSI_APP_ID needs JITSI_SECRET (HS256) or JITSI_JWKS_URL (RS256)");
      }
      add(new JitsiVerifier(list(env.get("JITSI_APP_ID")), list(env.getOrDefault("JITSI_AUDIENCE", "jitsi")),
          set(env, "JITSI_SECRET") ? secret : null, signed, clock));
    }
    if (set(env, "TEAMS_CLIENT_ID")) {
      Set<String> audiences = new java.util.HashSet<>(list(env.get("TEAMS_CLIENT_ID")));
      if (set(env, "TEAMS_APP_ID_URI")) {
        audiences.add(env.get("TEAMS_APP_ID_URI"));
      }
      add(new TeamsVerifier(audiences, set(env, "TEAMS_TENANTS") ? list(env.get("TEAMS_TENANTS")) : Set.of(),
          keys(http, env.getOrDefault("TEAMS_JWKS_URL", MICROSOFT_KEYS), clock)));
    }
    if (set(env, "GOOGLE_CLIENT_ID")) {
      add(new GoogleVerifier(list(env.get("GOOGLE_CLIENT_ID")), keys(http, env.getOrDefault("GOOGLE_JWKS_URL", GOOGLE_KEYS), clock)));
      // The page needs these to start the Meet add-on session and Google sign-in; neither is a secret.
      publicSettings.put("google-meet", new io.vertx.core.json.JsonObject()
          .put("clientId", list(env.get("GOOGLE_CLIENT_ID")).iterator().next())
          .put("cloudProjectNumber", env.getOrDefault("GOOGLE_CLOUD_PROJECT_NUMBER", "")));
    }
    if (set(env, "WEBEX_APP_ID")) {
      if (!set(env, "WEBEX_JWKS_URL")) {
        throw new IllegalArgumentException("WEBEX_APP_ID needs WEBEX_JWKS_URL, the JWKS address of your Webex identity broker");
      }
      add(new WebexVerifier(list(env.get("WEBEX_APP_ID")), keys(http, env.get("WEBEX_JWKS_URL"), clock)));
    }
    if (set(env, "ZOOM_CLIENT_ID")) {
      if (!set(env, "ZOOM_CLIENT_SECRET")) {
        throw new IllegalArgumentException("ZOOM_CLIENT_ID needs ZOOM_CLIENT_SECRET: Zoom encrypts the app context with it");
      }
      add(new ZoomVerifier(env.get("ZOOM_CLIENT_ID"), env.get("ZOOM_CLIENT_SECRET"), clock));
    }
  }

  public Optional<PlatformVerifier> verifier(String platform) {
    return Optional.ofNullable(verifiers.get(platform));
  }

  public Set<String> enabled() {
    return verifiers.keySet();
  }

  /** What a page needs to know to sign in: which platforms are on, and their public client settings. */
  public io.vertx.core.json.JsonObject publicSettings() {
    return publicSettings.copy().put("enabled", new io.vertx.core.json.JsonArray(List.copyOf(new java.util.TreeSet<>(verifiers.keySet()))));
  }

  private void add(PlatformVerifier verifier) {
    verifiers.put(verifier.platform(), verifier);
  }

  private static SignedTokens keys(HttpClient http, String url, LongSupplier clock) {
    return new SignedTokens(new JwksKeys(http, url, clock), clock);
  }

  private static boolean set(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  private static Set<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
