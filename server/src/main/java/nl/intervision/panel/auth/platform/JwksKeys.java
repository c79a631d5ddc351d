package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.security.Key;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A platform's public signing keys, fetched from its JWKS address and kept for an hour. A token
 * signed with a key we do not know makes us look again, at most once a minute, since platforms
 * rotate keys without notice.
 */
final class JwksKeys {
  static final long KEEP_MS = Duration.ofHours(1).toMillis();
  static final long REFETCH_AFTER_MS = Duration.ofMinutes(1).toMillis();

  private final HttpClient http;
  private final String url;
  private final LongSupplier clock;
  private Map<String, PublicKey> keys = Map.of();
  private long fetchedAt = Long.MIN_VALUE / 2;
  private Future<Map<String, PublicKey>> fetching;

  JwksKeys(HttpClient http, String url, LongSupplier clock) {
    this.http = http;
    this.url = url;
    this.clock = clock;
  }

  Future<PublicKey> key(String kid) {
    if (kid == null) {
      return Future.failedFuture(new RefusedProof("the token names no key (kid)"));
    }
    long now = clock.getAsLong();
    PublicKey known = keys.get(kid);
    if (known != null && now - fetchedAt < KEEP_MS) {
      return Future.succeededFuture(known);
    }
    if (known == null && now - fetchedAt < REFETCH_AFTER_MS) {
      return Future.failedFuture(new RefusedProof("unknown signing key"));
    }
    return fetch().compose(fresh -> {
      PublicKey key = fresh.get(kid);
      return key == null ? Future.failedFuture(new RefusedProof("unknown signing key")) : Future.succeededFuture(key);
    });
  }

  private synchronized Future<Map<String, PublicKey>> fetch() {
    if (fetching != null) {
      return fetching;
    }
    fetching = http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url))
        .compose(request -> request.send())
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(new RefusedProof("the platform's keys could not be fetched (" + response.statusCode() + ")"));
          }
          return response.body();
        })
        .map(body -> parse(body.toString()))
        .recover(e -> Future.failedFuture(e instanceof RefusedProof ? e : new RefusedProof("the platform's keys could not be fetched")))
        .andThen(done -> {
          synchronized (this) {
            fetching = null;
            fetchedAt = clock.getAsLong();
            if (done.succeeded()) {
              keys = done.result();
            }
          }
        });
    return fetching;
  }

  private static Map<String, PublicKey> parse(String json) {
    JwkSet set = Jwks.setParser().build().parse(json);
    Map<String, PublicKey> byId = new HashMap<>();
    for (Jwk<?> jwk : set.getKeys()) {
      Key key = jwk.toKey();
      if (jwk.getId() != null && key instanceof PublicKey publicKey) {
        byId.put(jwk.getId(), publicKey);
      }
    }
    return Map.copyOf(byId);
  }
}
