package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.vertx.core.Future;
import java.util.function.LongSupplier;

/** RS256 tokens checked against a platform's published keys. */
final class SignedTokens {
  private final JwksKeys keys;
  private final LongSupplier clock;

  SignedTokens(JwksKeys keys, LongSupplier clock) {
    this.keys = keys;
    this.clock = clock;
  }

  Future<Claims> verify(String token) {
    JwtHeader header;
    try {
      header = JwtHeader.of(token);
      // Only RS256: an HS256 token "signed" with our public key as the secret is refused here.
      header.require("RS256");
    } catch (RefusedProof e) {
      return Future.failedFuture(e);
    }
    return keys.key(header.kid()).map(key -> JwtClaims.verified(token, key, clock));
  }
}
