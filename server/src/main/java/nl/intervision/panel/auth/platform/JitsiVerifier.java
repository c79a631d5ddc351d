package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.security.Keys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;

/**
 * A Jitsi-style JWT, as a Jitsi deployment mints it for its rooms: HS256 with the shared app
 * secret, or RS256 with published keys. Its {@code room} is the meeting, {@code context.user} the
 * person; a moderator flag (JaaS's {@code context.user.moderator}, or an owner affiliation) makes the chair.
 */
final class JitsiVerifier implements PlatformVerifier {
  private final Set<String> issuers;
  private final Set<String> audiences;
  private final SecretKey secret;
  private final SignedTokens signed;
  private final LongSupplier clock;

  JitsiVerifier(Set<String> issuers, Set<String> audiences, String secret, SignedTokens signed, LongSupplier clock) {
    this.issuers = issuers;
    this.audiences = audiences;
    this.secret = secret == null ? null : Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    this.signed = signed;
    this.clock = clock;
  }

  @Override
  public String platform() {
    return "jitsi";
  }

  @Override
  public Future<PlatformIdentity> verify(JsonObject proof) {
    String token = proof.getValue("token") instanceof String t ? t : null;
    Future<Claims> claims;
    try {
      JwtHeader header = JwtHeader.of(token);
      if (secret != null) {
        header.require("HS256");
        claims = Future.succeededFuture(JwtClaims.verified(token, secret, clock));
      } else {
        claims = signed.verify(token);
      }
    } catch (RefusedProof e) {
      return Future.failedFuture(e);
    }
    return claims.map(c -> identity(c, proof));
  }

  private PlatformIdentity identity(Claims claims, JsonObject proof) {
    JwtClaims.issuer(claims, issuers);
    JwtClaims.audience(claims, audiences);
    String room = JwtClaims.required(claims, "room");
    if ("*".equals(room)) {
      // A token for every room: the page says which one it is in.
      room = proof.getValue("room") instanceof String r && !r.isBlank() ? r : null;
      if (room == null) {
        throw new RefusedProof("the token is for any room; send the room's name too");
      }
    }
    String tenant = JwtClaims.string(claims, "sub");
    Map<?, ?> user = claims.get("context") instanceof Map<?, ?> context && context.get("user") instanceof Map<?, ?> u ? u : Map.of();
    String userId = user.get("id") instanceof String id ? id : user.get("email") instanceof String email ? email : null;
    if (userId == null) {
      throw new RefusedProof("the token names no user (context.user.id)");
    }
    String name = user.get("name") instanceof String n ? n : userId;
    boolean moderator = truthy(user.get("moderator")) || truthy(claims.get("moderator"))
        || "owner".equals(user.get("affiliation")) || "moderator".equals(user.get("affiliation"));
    return new PlatformIdentity(platform(), (tenant == null ? "" : tenant + "/") + room, userId, name, moderator);
  }

  private static boolean truthy(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
