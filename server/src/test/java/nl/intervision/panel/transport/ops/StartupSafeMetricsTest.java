package nl.intervision.panel.transport.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import org.junit.jupiter.api.Test;

/**
 * A connection accepted while the server is still binding reaches the HTTP metrics without a socket
 * metric (Vert.x 5.0 creates those in the bind callback). Its request must then go unmeasured rather
 * than fail, or it is never answered: right after a restart, that is someone's reconnect.
 */
class StartupSafeMetricsTest {

  @Test
  void aConnectionWithoutASocketMetricIsServedUnmeasured() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setRegistryName("startup-safe-test").setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setEnabled(true));
    var metrics = new StartupSafeMetrics(new MicrometerMetricsFactory(registry)).metrics(options);
    @SuppressWarnings("unchecked")
    var http = (HttpServerMetrics<Object, Object, Object>) metrics.createHttpServerMetrics(new HttpServerOptions(),
        SocketAddress.inetSocketAddress(8080, "127.0.0.1"));

    Object request = http.requestBegin(null, null);
    http.requestEnd(request, null, 10);
    http.responseBegin(request, null);
    http.responseEnd(request, null, 10);
    Object webSocket = http.connected(null, request, null);
    http.disconnected(webSocket);
    http.bytesRead(null, null, 10);
    http.disconnected(null, null);

    assertThat(request).isNull();
    assertThat(webSocket).isNull();
    // A connection that has its metric is still measured.
    Object socket = http.connected(SocketAddress.inetSocketAddress(50000, "127.0.0.2"), null);
    assertThat(socket).isNotNull();
    http.disconnected(socket, null);
    metrics.close();
  }
}
