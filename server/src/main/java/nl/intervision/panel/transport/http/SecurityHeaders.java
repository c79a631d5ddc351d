package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries. Meeting platforms load the panel in a frame and check these
 * (Zoom refuses app pages without them); they also keep a card's text from ever running as code.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
  static final String GOOGLE_SIGN_IN = "https://accounts.google.com/gsi/";
  private final String frameAncestors;

  SecurityHeaders(Config config) {
    this.frameAncestors = String.join(" ", config.frameAncestors());
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String host = request.authority() == null ? null : request.authority().toString();
    String sockets = host == null ? "" : " ws://" + host + " wss://" + host;
    // Google sign-in inside Meet needs Google's own script and frame; only the page opened for Meet gets them.
    String google = "google-meet".equals(request.getParam("host")) ? " " + GOOGLE_SIGN_IN : "";
    String googleStyle = google.isEmpty() ? "" : " https://accounts.google.com/gsi/style";
    ctx.response().headers()
        .set("Content-Security-Policy", "default-src 'self'; script-src 'self'" + (google.isEmpty() ? "" : " https://accounts.google.com/gsi/client")
            + "; style-src 'self'" + googleStyle + "; img-src 'self' data:; "
            + "connect-src 'self'" + sockets + google + "; frame-src 'self'" + google + "; frame-ancestors 'self' " + frameAncestors + "; "
            + "base-uri 'none'; form-action 'self'; object-src 'none'")
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (overTls(request)) {
      ctx.response().headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    ctx.next();
  }

  /** Directly, or behind a proxy that terminates TLS and says so. */
  private static boolean overTls(HttpServerRequest request) {
    return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }
}
