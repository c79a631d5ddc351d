package nl.intervision.panel.transport;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.intervision.panel.auth.platform.PlatformVerifier;
import nl.intervision.panel.auth.platform.Platforms;
import nl.intervision.panel.auth.platform.RefusedProof;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.entry.PlatformSignIn;
import nl.intervision.panel.protocol.ErrorCode;

/** {@code POST /api/platform/{platform}/session}: sign in through the meeting platform. */
final class PlatformApi {
  private final Platforms platforms;
  private final PlatformSignIn signIn;

  PlatformApi(Platforms platforms, PlatformSignIn signIn) {
    this.platforms = platforms;
    this.signIn = signIn;
  }

  void settings(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(platforms.publicSettings().encode());
  }

  void session(RoutingContext ctx) {
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
    String title = proof.getValue("title") instanceof String t ? t : null;
    verifier.verify(proof)
        .compose(identity -> signIn.enter(identity, title))
        .onSuccess(session -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(MeetingApi.seat(session).encode()))
        .onFailure(e -> {
          if (e instanceof RefusedProof refused) {
            MeetingApi.fail(ctx, ErrorCode.UNAUTHORIZED, Refusal.PLATFORM_PROOF_REFUSED,
                "the platform's proof of identity was refused: " + refused.getMessage());
          } else {
            MeetingApi.failWith(ctx, e);
          }
        });
  }
}
