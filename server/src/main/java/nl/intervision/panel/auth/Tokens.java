package nl.intervision.panel.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Issues and checks meeting tokens: HS256 JWTs that name a meeting and a participant. The only
 * class that knows about JWTs. Unsigned tokens ({@code alg: none}) and any algorithm other than
 * an HMAC with our key are refused by the parser.
 */
public final class Tokens {
  static final String ISSUER = "intervision-panel";
  static final String AUDIENCE = "intervision-panel";
  static final String MEETING = "mtg";
  static final String ROLE = "role";
  static final int MIN_SECRET_BYTES = 32;
  static final long CLOCK_SKEW_SECONDS = 30;
  /**
   * Tokens verified recently, by their exact text. After a network blip every participant comes back
   * with the token it had, all at once; parsing and checking each again took about a third of the
   * server's time in such a reconnect storm. The same text carries the same claims under the same key,
   * so only the expiry needs checking again. About 0.5 KiB an entry.
   */
  static final int REMEMBERED_TOKENS = 16_384;

  private final SecretKey key;
  private final Duration lifetime;
  private final JwtParser parser;
  private final Map<String, Identity> verified = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
      return size() > REMEMBERED_TOKENS;
    }
  };

  /** @param secret at least 32 bytes: HS256 needs a 256-bit key */
  public Tokens(String secret, Duration lifetime) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
    }
    this.key = Keys.hmacShaKeyFor(bytes);
    this.lifetime = lifetime;
    this.parser = Jwts.parser()
        .verifyWith(key)
        .requireIssuer(ISSUER)
        .requireAudience(AUDIENCE)
        .clockSkewSeconds(CLOCK_SKEW_SECONDS)
        .build();
  }

  public String issue(String meetingId, String participantId, String role, Instant now) {
    return Jwts.builder()
        .issuer(ISSUER)
        .audience().add(AUDIENCE).and()
        .subject(participantId)
        .claim(MEETING, meetingId)
        .claim(ROLE, role)
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(now.plus(lifetime)))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  public Identity verify(String token) throws InvalidToken {
    Identity known;
    synchronized (verified) {
      known = verified.get(token);
    }
    if (known != null && Instant.now().isBefore(known.expiresAt().plusSeconds(CLOCK_SKEW_SECONDS))) {
      return known;
    }
    Identity identity = parse(token);
    synchronized (verified) {
      verified.put(token, identity);
    }
    return identity;
  }

  private Identity parse(String token) throws InvalidToken {
    try {
      Claims claims = parser.parseSignedClaims(token).getPayload();
      String meetingId = claims.get(MEETING, String.class);
      String participantId = claims.getSubject();
      Date expiration = claims.getExpiration();
      if (meetingId == null || participantId == null || expiration == null) {
        throw new InvalidToken("token does not name a meeting, a participant and an expiry");
      }
      return new Identity(meetingId, participantId, expiration.toInstant());
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      // jjwt's messages can quote claims; keep them out of replies and logs.
      throw new InvalidToken("token is invalid or expired");
    }
  }
}
