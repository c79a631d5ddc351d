package nl.intervision.panel.transport.http;

import io.vertx.ext.web.RoutingContext;
import nl.intervision.panel.auth.platform.Platforms;
import nl.intervision.panel.entry.PlatformSignIn;

/** {@code POST /api/platform/{platform}/session}: sign in through the meeting platform. */
final class PlatformApi {
  private final Platforms platforms;
  private final PlatformProofs proofs;
  private final PlatformSignIn signIn;

  PlatformApi(Platforms platforms, PlatformProofs proofs, PlatformSignIn signIn) {
    this.platforms = platforms;
    this.proofs = proofs;
    this.signIn = signIn;
  }

  void settings(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(platforms.publicSettings().encode());
  }

  void session(RoutingContext ctx) {
    proofs.verified(ctx, (proof, identity) -> {
      String title = proof.getValue("title") instanceof String t ? t : null;
      signIn.enter(identity, title)
          .onSuccess(session -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
              .end(MeetingApi.seat(session).encode()))
          .onFailure(e -> MeetingApi.failWith(ctx, e));
    });
  }
}
