package nl.intervision.panel.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
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
 *
 * <p>Device codes are the same kind of JWT for one purpose only: to get a meeting token for the same
 * seat on another device. They carry their own audience, so each parser refuses the other's: a device
 * code never opens a socket or reads a summary, and a meeting token is no device code.
 */
public final class Tokens {
  static final String ISSUER = "intervision-panel";
  static final String AUDIENCE = "intervision-panel";
  static final String DEVICE_AUDIENCE = "intervision-panel-device";
  /** Group tokens open a group's page and its calls, nothing of a meeting; each parser refuses the others' tokens. */
  static final String GROUP_AUDIENCE = "intervision-panel-group";
  static final String GROUP = "grp";
  /** A code that opens one member's seat of a group on another device; no group token, no device code of a meeting. */
  static final String GROUP_DEVICE_AUDIENCE = "intervision-panel-group-device";
  /** How long a group token lasts when none is configured: a group meets every few weeks, for years. */
  public static final Duration DEFAULT_GROUP_LIFETIME = Duration.ofDays(180);
  /** In a device code: when the token of the seat it copies runs out; the new device's token ends then too. */
  static final String UNTIL = "until";
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
  private final JwtParser deviceParser;
  private final JwtParser groupParser;
  private final JwtParser groupDeviceParser;
  private final Duration groupLifetime;
  private final Map<String, Identity> verified = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Identity> eldest) {
      return size() > REMEMBERED_TOKENS;
    }
  };

  /** @param secret at least 32 bytes: HS256 needs a 256-bit key */
  public Tokens(String secret, Duration lifetime) {
    this(secret, lifetime, DEFAULT_GROUP_LIFETIME);
  }

  /** @param groupLifetime how long a group token lasts; every visit of the group's page renews it */
  public Tokens(String secret, Duration lifetime, Duration groupLifetime) {
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
    this.groupLifetime = groupLifetime;
    this.groupDeviceParser = Jwts.parser()
        .verifyWith(key)
        .requireIssuer(ISSUER)
        .requireAudience(GROUP_DEVICE_AUDIENCE)
        .clockSkewSeconds(CLOCK_SKEW_SECONDS)
        .build();
    this.groupParser = Jwts.parser()
        .verifyWith(key)
        .requireIssuer(ISSUER)
        .requireAudience(GROUP_AUDIENCE)
        .clockSkewSeconds(CLOCK_SKEW_SECONDS)
        .build();
    this.deviceParser = Jwts.parser()
        .verifyWith(key)
        .requireIssuer(ISSUER)
        .requireAudience(DEVICE_AUDIENCE)
        .clockSkewSeconds(CLOCK_SKEW_SECONDS)
        .build();
  }

  /** A device code and the instant it runs out (whole seconds, as in the JWT). */
  public record DeviceCode(String code, Instant expiresAt) {}

  public String issue(String meetingId, String participantId, String role, Instant now) {
    return issue(meetingId, participantId, role, now, now.plus(lifetime));
  }

  /** A token that runs out at {@code expiresAt}: a second device's token ends with the first one's. */
  public String issue(String meetingId, String participantId, String role, Instant now, Instant expiresAt) {
    return Jwts.builder()
        .issuer(ISSUER)
        .audience().add(AUDIENCE).and()
        .subject(participantId)
        .claim(MEETING, meetingId)
        .claim(ROLE, role)
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(expiresAt))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /**
   * A code that gets the seat of {@code seat} on another device, valid for {@code lifetime} but never
   * beyond the seat's own token: a device code must not stretch a token's life ("tokens cannot be renewed").
   */
  public DeviceCode issueDeviceCode(Identity seat, Instant now, Duration lifetime) {
    Instant until = seat.expiresAt();
    Instant expiresAt = min(now.plus(lifetime), until).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String code = Jwts.builder()
        .issuer(ISSUER)
        .audience().add(DEVICE_AUDIENCE).and()
        .subject(seat.participantId())
        .claim(MEETING, seat.meetingId())
        .claim(UNTIL, until.getEpochSecond())
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(expiresAt))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
    return new DeviceCode(code, expiresAt);
  }

  /**
   * Checks a device code. Not remembered like meeting tokens: codes are used once or twice, and keeping
   * them apart from the meeting tokens' memory is what stops one from passing as the other.
   *
   * @return the seat: its meeting, participant, and when its token (and so the new one) runs out
   * @throws InvalidToken with a message fit for the person: expired, or not a device code of ours
   */
  public Identity verifyDeviceCode(String code) throws InvalidToken {
    try {
      Claims claims = deviceParser.parseSignedClaims(code).getPayload();
      String meetingId = claims.get(MEETING, String.class);
      String participantId = claims.getSubject();
      Number until = claims.get(UNTIL, Number.class);
      if (meetingId == null || participantId == null || until == null) {
        throw new InvalidToken("this device link is not valid");
      }
      return new Identity(meetingId, participantId, Instant.ofEpochSecond(until.longValue()));
    } catch (ExpiredJwtException e) {
      throw new InvalidToken("this device link has expired; make a new one on the device that is in the meeting", true);
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidToken("this device link is not valid");
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
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

  /** Who a group token says its bearer is: a member of one group. Their role is read from the group. */
  public record GroupMember(String groupId, String memberId) {}

  public String issueGroup(String groupId, String memberId, Instant now) {
    return Jwts.builder()
        .issuer(ISSUER)
        .audience().add(GROUP_AUDIENCE).and()
        .subject(memberId)
        .claim(GROUP, groupId)
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(now.plus(groupLifetime)))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /** @throws InvalidToken when it is not a group token of this server, or has expired */
  public GroupMember verifyGroup(String token) throws InvalidToken {
    try {
      Claims claims = groupParser.parseSignedClaims(token).getPayload();
      String groupId = claims.get(GROUP, String.class);
      String memberId = claims.getSubject();
      if (groupId == null || memberId == null) {
        throw new InvalidToken("token does not name a group and a member");
      }
      return new GroupMember(groupId, memberId);
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidToken("group token is invalid or expired");
    }
  }

  /** A short-lived code for a member's seat in their group on another device (a phone beside the laptop). */
  public DeviceCode issueGroupDeviceCode(GroupMember member, Instant now, Duration lifetime) {
    Instant expiresAt = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String code = Jwts.builder()
        .issuer(ISSUER)
        .audience().add(GROUP_DEVICE_AUDIENCE).and()
        .subject(member.memberId())
        .claim(GROUP, member.groupId())
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(expiresAt))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
    return new DeviceCode(code, expiresAt);
  }

  /** @throws InvalidToken with a message fit for the person: expired, or not a group device code of ours */
  public GroupMember verifyGroupDeviceCode(String code) throws InvalidToken {
    try {
      Claims claims = groupDeviceParser.parseSignedClaims(code).getPayload();
      String groupId = claims.get(GROUP, String.class);
      String memberId = claims.getSubject();
      if (groupId == null || memberId == null) {
        throw new InvalidToken("this device link is not valid");
      }
      return new GroupMember(groupId, memberId);
    } catch (ExpiredJwtException e) {
      throw new InvalidToken("this device link has expired; make a new one on the device where the group is open", true);
    } catch (JwtException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidToken("this device link is not valid");
    }
  }
}
