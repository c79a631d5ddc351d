package nl.intervision.panel.auth.platform;

import io.jsonwebtoken.Claims;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Teams single sign-on: a Microsoft Entra access token for our app (RS256, Microsoft's published
 * keys). The issuer names the tenant, in the v2 or the v1 form; the audience is our client id or
 * App ID URI; the scope must be ours. Teams does not put the meeting in the token: the page sends
 * the meeting id from {@code app.getContext()}.
 */
final class TeamsVerifier implements PlatformVerifier {
  static final String SCOPE = "access_as_user";

  private final Set<String> audiences;
  private final Set<String> tenants;
  private final SignedTokens signed;

  /** @param tenants the tenants allowed in; empty for any */
  TeamsVerifier(Set<String> audiences, Set<String> tenants, SignedTokens signed) {
    this.audiences = audiences;
    this.tenants = tenants;
    this.signed = signed;
  }

  @Override
  public String platform() {
    return "teams";
  }

  @Override
  public Future<PlatformIdentity> verify(JsonObject proof) {
    String token = proof.getValue("token") instanceof String t ? t : null;
    return signed.verify(token).map(claims -> identity(claims, proof));
  }

  private PlatformIdentity identity(Claims claims, JsonObject proof) {
    String tenant = JwtClaims.required(claims, "tid");
    if (!tenants.isEmpty() && !tenants.contains(tenant)) {
      throw new RefusedProof("this organisation is not allowed in");
    }
    JwtClaims.issuer(claims, Set.of("https://login.microsoftonline.com/" + tenant + "/v2.0", "https://sts.windows.net/" + tenant + "/"));
    JwtClaims.audience(claims, audiences);
    String scopes = JwtClaims.string(claims, "scp");
    if (scopes == null || !Set.of(scopes.split(" ")).contains(SCOPE)) {
      throw new RefusedProof("the token lacks the " + SCOPE + " scope");
    }
    String user = tenant + "/" + JwtClaims.required(claims, "oid");
    String name = JwtClaims.string(claims, "name");
    return new PlatformIdentity(platform(), ProofFields.meeting(proof), user, name == null ? "Teams user" : name, false);
  }
}
