package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import java.security.Key;
import java.security.PublicKey;
import java.util.Date;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;

/** Verifies a JWT's signature and times with jjwt, and reads its claims safely. */
final class JwtClaims {
  private JwtClaims() {}

  static final long SKEW_SECONDS = 60;

  static Claims verified(String token, Key key, LongSupplier clock) {
    try {
      var builder = Jwts.parser().clock(() -> new Date(clock.getAsLong())).clockSkewSeconds(SKEW_SECONDS);
      if (key instanceof PublicKey publicKey) {
        builder.verifyWith(publicKey);
      } else {
        builder.verifyWith((SecretKey) key);
      }
      Claims claims = builder.build().parseSignedClaims(token).getPayload();
      if (claims.getExpiration() == null) {
        throw new RefusedProof("the token has no expiry");
      }
      return claims;
    } catch (ExpiredJwtException e) {
      throw new RefusedProof("the token has expired");
    } catch (PrematureJwtException e) {
      throw new RefusedProof("the token is not valid yet");
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      throw new RefusedProof("the token's signature does not hold");
    }
  }

  static void issuer(Claims claims, Set<String> accepted) {
    if (claims.getIssuer() == null || !accepted.contains(claims.getIssuer())) {
      throw new RefusedProof("the token comes from the wrong issuer");
    }
  }

  static void audience(Claims claims, Set<String> accepted) {
    Set<String> aud = claims.getAudience();
    if (aud == null || aud.stream().noneMatch(accepted::contains)) {
      throw new RefusedProof("the token is meant for another application");
    }
  }

  static String string(Claims claims, String name) {
    Object value = claims.get(name);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  static String required(Claims claims, String name) {
    String value = string(claims, name);
    if (value == null) {
      throw new RefusedProof("the token lacks " + name);
    }
    return value;
  }
}
