package nl.intervision.panel.auth.platform;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The unverified header of a JWT: only to pick the key to verify it with. An unsigned token
 * ("alg": "none", in any spelling) is refused here already.
 */
record JwtHeader(String alg, String kid) {

  static JwtHeader of(String token) {
    if (token == null || token.isBlank()) {
      throw new RefusedProof("no token");
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      throw new RefusedProof("not a JWT");
    }
    try {
      JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
      String alg = header.getValue("alg") instanceof String a ? a : null;
      if (alg == null || alg.toLowerCase(Locale.ROOT).equals("none")) {
        throw new RefusedProof("unsigned tokens are not accepted");
      }
      return new JwtHeader(alg, header.getValue("kid") instanceof String k ? k : null);
    } catch (IllegalArgumentException | ClassCastException | io.vertx.core.json.DecodeException e) {
      throw new RefusedProof("not a JWT");
    }
  }

  void require(String expected) {
    if (!expected.equals(alg)) {
      throw new RefusedProof("tokens must be signed with " + expected);
    }
  }
}
