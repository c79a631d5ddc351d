package nl.intervision.panel.transport.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/openapi.yaml}: docs/openapi.yaml, which the build copies into the webroot, so that it is
 * served like the page's own files (cached per {@link CacheRules}, gzipped by {@link Gzip}, revalidated with
 * Last-Modified). Only its media type is set here: Vert.x knows YAML as {@code application/x-yaml}, while
 * RFC 9512 registered {@code application/yaml}, which tools ask for.
 */
final class ApiDescription implements Handler<RoutingContext> {
  static final String PATH = "/api/openapi.yaml";
  static final String MEDIA_TYPE = "application/yaml";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      if (ctx.response().getStatusCode() == 200) {
        ctx.response().headers().set(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
      }
    });
    ctx.next();
  }
}
