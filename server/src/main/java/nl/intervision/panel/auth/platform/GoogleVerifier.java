package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Google Meet add-ons: a Google ID token from Google sign-in (RS256, Google's published keys), for
 * our OAuth client. The meeting comes from the Meet SDK's {@code getMeetingInfo()}.
 */
final class GoogleVerifier implements PlatformVerifier {
  static final Set<String> ISSUERS = Set.of("accounts.google.com", "https://accounts.google.com");

  private final Set<String> audiences;
  private final SignedTokens signed;

  GoogleVerifier(Set<String> audiences, SignedTokens signed) {
    this.audiences = audiences;
    this.signed = signed;
  }

  @Override
  public String platform() {
    return "google-meet";
  }

  @Override
  public Future<PlatformIdentity> verify(JsonObject proof) {
    String token = proof.getValue("token") instanceof String t ? t : null;
    return signed.verify(token).map(claims -> identity(claims, proof));
  }

  private PlatformIdentity identity(Claims claims, JsonObject proof) {
    JwtClaims.issuer(claims, ISSUERS);
    JwtClaims.audience(claims, audiences);
    String user = JwtClaims.required(claims, "sub");
    String name = JwtClaims.string(claims, "name");
    return new PlatformIdentity(platform(), ProofFields.meeting(proof), user, name == null ? "Google user" : name, false);
  }
}
