package nl.intervision.panel.transport.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * How long a browser may keep each of the page's files. The names carry no version, so nothing may be
 * kept for long without asking: the page itself is asked for every time (a deploy is picked up on the
 * next load), the app's scripts and styles for a minute, the vendored libraries (which change only
 * with a release of ours) for a day. Every answer can be revalidated with Last-Modified, so asking
 * again costs a 304 and no body. Set when the headers go out, over what the static handler wrote
 * (it would call everything "immutable").
 */
final class CacheRules implements Handler<RoutingContext> {
  static final String PAGE = "no-cache";
  static final String APP = "public, max-age=60";
  static final String VENDOR = "public, max-age=86400";

  @Override
  public void handle(RoutingContext ctx) {
    String rule = ruleFor(ctx.normalizedPath());
    ctx.addHeadersEndHandler(v -> {
      int status = ctx.response().getStatusCode();
      if (status == 200 || status == 304) {
        ctx.response().headers().set("Cache-Control", rule);
      }
    });
    ctx.next();
  }

  static String ruleFor(String path) {
    if (path.endsWith("/") || path.endsWith(".html")) {
      return PAGE;
    }
    if (path.startsWith("/vendor/")) {
      return VENDOR;
    }
    return APP;
  }
}
