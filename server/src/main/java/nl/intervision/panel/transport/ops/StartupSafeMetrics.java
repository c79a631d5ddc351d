package nl.intervision.panel.transport.ops;

import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * Micrometer's Vert.x metrics, made safe for connections accepted while the server is still binding.
 *
 * <p>Vert.x 5.0 creates a TCP server's metrics in the bind callback, after the port already accepts
 * connections. A connection that lands in between has no socket metric, and the HTTP metrics then
 * throw a NullPointerException for its first request, which is never answered. Right after a restart
 * every client reconnects at once, so some of them hit exactly that window and hang until their own
 * timeout. Here such a connection is simply not measured.
 */
final class StartupSafeMetrics implements VertxMetricsFactory {
  private final VertxMetricsFactory micrometer;

  StartupSafeMetrics(VertxMetricsFactory micrometer) {
    this.micrometer = micrometer;
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    return new Guarded(micrometer.metrics(options));
  }

  @Override
  public MetricsOptions newOptions() {
    return micrometer.newOptions();
  }

  @Override
  public MetricsOptions newOptions(MetricsOptions options) {
    return micrometer.newOptions(options);
  }

  @Override
  public MetricsOptions newOptions(JsonObject json) {
    return micrometer.newOptions(json);
  }

  /** Every meter as Micrometer makes it; only the HTTP server's are wrapped. */
  private record Guarded(VertxMetrics inner) implements VertxMetrics {
    @Override
    public void vertxCreated(io.vertx.core.Vertx vertx) {
      inner.vertxCreated(vertx);
    }

    @Override
    public EventBusMetrics createEventBusMetrics() {
      return inner.createEventBusMetrics();
    }

    @Override
    @SuppressWarnings("unchecked")
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
      HttpServerMetrics<?, ?, ?> http = inner.createHttpServerMetrics(options, localAddress);
      return http == null ? null : new NullSocketSafe<>((HttpServerMetrics<Object, Object, Object>) http);
    }

    @Override
    public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
      return inner.createClientMetrics(remoteAddress, type, namespace);
    }

    @Override
    public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
      return inner.createHttpClientMetrics(options);
    }

    @Override
    public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
      return inner.createNetServerMetrics(options, localAddress);
    }

    @Override
    public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
      return inner.createNetClientMetrics(options);
    }

    @Override
    public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
      return inner.createDatagramSocketMetrics(options);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
      return inner.createPoolMetrics(type, name, maxSize);
    }

    @Override
    public boolean isMetricsEnabled() {
      return inner.isMetricsEnabled();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** Skips a request, response or WebSocket whose connection has no metric (null), instead of failing it. */
  record NullSocketSafe<R, W, S>(HttpServerMetrics<R, W, S> inner) implements HttpServerMetrics<R, W, S> {
    @Override
    public R requestBegin(S socketMetric, HttpRequest request) {
      return socketMetric == null ? null : inner.requestBegin(socketMetric, request);
    }

    @Override
    public void requestEnd(R requestMetric, HttpRequest request, long bytesRead) {
      if (requestMetric != null) {
        inner.requestEnd(requestMetric, request, bytesRead);
      }
    }

    @Override
    public void requestReset(R requestMetric) {
      if (requestMetric != null) {
        inner.requestReset(requestMetric);
      }
    }

    @Override
    public void responseBegin(R requestMetric, HttpResponse response) {
      if (requestMetric != null) {
        inner.responseBegin(requestMetric, response);
      }
    }

    @Override
    public R responsePushed(S socketMetric, HttpMethod method, String uri, HttpResponse response) {
      return socketMetric == null ? null : inner.responsePushed(socketMetric, method, uri, response);
    }

    @Override
    public void responseEnd(R requestMetric, HttpResponse response, long bytesWritten) {
      if (requestMetric != null) {
        inner.responseEnd(requestMetric, response, bytesWritten);
      }
    }

    @Override
    public W connected(S socketMetric, R requestMetric, ServerWebSocket webSocket) {
      return socketMetric == null ? null : inner.connected(socketMetric, requestMetric, webSocket);
    }

    @Override
    public void disconnected(W webSocketMetric) {
      if (webSocketMetric != null) {
        inner.disconnected(webSocketMetric);
      }
    }

    @Override
    public void requestRouted(R requestMetric, String route) {
      if (requestMetric != null) {
        inner.requestRouted(requestMetric, route);
      }
    }

    @Override
    public S connected(SocketAddress remoteAddress, String remoteName) {
      return inner.connected(remoteAddress, remoteName);
    }

    @Override
    public void disconnected(S socketMetric, SocketAddress remoteAddress) {
      if (socketMetric != null) {
        inner.disconnected(socketMetric, remoteAddress);
      }
    }

    @Override
    public void bytesRead(S socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
      if (socketMetric != null) {
        inner.bytesRead(socketMetric, remoteAddress, numberOfBytes);
      }
    }

    @Override
    public void bytesWritten(S socketMetric, SocketAddress remoteAddress, long numberOfBytes) {
      if (socketMetric != null) {
        inner.bytesWritten(socketMetric, remoteAddress, numberOfBytes);
      }
    }

    @Override
    public void exceptionOccurred(S socketMetric, SocketAddress remoteAddress, Throwable t) {
      if (socketMetric != null) {
        inner.exceptionOccurred(socketMetric, remoteAddress, t);
      }
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
