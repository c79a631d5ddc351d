package nl.intervision.panel.transport.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;
import nl.intervision.panel.auth.platform.PlatformIdentity;
import nl.intervision.panel.auth.platform.PlatformVerifier;
import nl.intervision.panel.auth.platform.Platforms;
import nl.intervision.panel.auth.platform.RefusedProof;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.protocol.ErrorCode;

/**
 * Reads the platform's proof of identity from a request body ({@code :platform} in the path) and has
 * the platform's verifier check it: the one place every call that takes a platform's word goes through.
 */
final class PlatformProofs {
  private final Platforms platforms;

  PlatformProofs(Platforms platforms) {
    this.platforms = platforms;
  }

  /**
   * Calls {@code then} with the body and who the platform vouches for; answers the refusal itself when
   * the platform is off, the body is no proof, or the proof does not hold.
   */
  void verified(RoutingContext ctx, BiConsumer<JsonObject, PlatformIdentity> then) {
    String platform = ctx.pathParam("platform");
    PlatformVerifier verifier = platforms.verifier(platform).orElse(null);
    if (verifier == null) {
      MeetingApi.fail(ctx, ErrorCode.NOT_FOUND, Refusal.PLATFORM_NOT_CONFIGURED, Rejected.params("platform", platform),
          "sign-in through '" + platform + "' is not configured on this server");
      return;
    }
    JsonObject proof;
    try {
      proof = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      proof = null;
    }
    if (proof == null) {
      MeetingApi.fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND,
          "the body must be a JSON object with the platform's proof of identity");
      return;
    }
    JsonObject body = proof;
    verifier.verify(proof).onComplete(checked -> {
      if (checked.succeeded()) {
        then.accept(body, checked.result());
      } else if (checked.cause() instanceof RefusedProof refused) {
        MeetingApi.fail(ctx, ErrorCode.UNAUTHORIZED, Refusal.PLATFORM_PROOF_REFUSED,
            "the platform's proof of identity was refused: " + refused.getMessage());
      } else {
        MeetingApi.failWith(ctx, checked.cause());
      }
    });
  }
}
