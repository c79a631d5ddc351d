package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Webex embedded apps: the RS256 {@code user.token} of the embedded app SDK, for our app id. It
 * names the meeting itself ({@code com.cisco.context.uuid.meetingid}) and the person
 * ({@code com.cisco.user.uuid}).
 */
final class WebexVerifier implements PlatformVerifier {
  private final Set<String> audiences;
  private final SignedTokens signed;

  WebexVerifier(Set<String> audiences, SignedTokens signed) {
    this.audiences = audiences;
    this.signed = signed;
  }

  @Override
  public String platform() {
    return "webex";
  }

  @Override
  public Future<PlatformIdentity> verify(JsonObject proof) {
    String token = proof.getValue("token") instanceof String t ? t : null;
    return signed.verify(token).map(this::identity);
  }

  private PlatformIdentity identity(Claims claims) {
    String issuer = JwtClaims.required(claims, "iss");
    if (!WebexIssuers.trusted(issuer)) {
      throw new RefusedProof("the token comes from the wrong issuer");
    }
    JwtClaims.audience(claims, audiences);
    String meeting = JwtClaims.required(claims, "com.cisco.context.uuid.meetingid");
    String user = JwtClaims.required(claims, "com.cisco.user.uuid");
    String name = JwtClaims.string(claims, "name");
    return new PlatformIdentity(platform(), meeting, user, name == null ? "Webex user" : name, false);
  }
}
