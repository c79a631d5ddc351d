package nl.intervision.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long our servers took to store a command for good during the measured window, beside the
 * fan-out seen by the clients: the difference between two readings of each node's
 * {@code panel_store_append_seconds} histogram (Prometheus buckets), all nodes added up. A percentile
 * is the upper bound of the bucket it falls in, so it reads "at most".
 */
final class AppendWindow {
  private static final String BUCKET = "panel_store_append_seconds_bucket{";

  private AppendWindow() {}

  /** Cumulative counts by upper bound in seconds, summed over every node; empty when a node has no such meter. */
  static Future<TreeMap<Double, Double>> read(Vertx vertx, String host, List<Integer> ports) {
    HttpClient scrape = vertx.createHttpClient();
    List<Future<String>> bodies = ports.stream().map(port -> metrics(scrape, host, port)).toList();
    return Future.all(bodies).map(all -> {
      TreeMap<Double, Double> buckets = new TreeMap<>();
      for (String body : all.<String>list()) {
        add(body, buckets);
      }
      return buckets;
    }).eventually(scrape::close);
  }

  /** One node's /metrics in Prometheus' text format. */
  static Future<String> metrics(HttpClient scrape, String host, int port) {
    return scrape.request(new RequestOptions().setHost(host).setPort(port).setURI("/metrics").setIdleTimeout(10_000))
        .compose(req -> req.send().compose(resp -> resp.body()))
        .map(Object::toString);
  }

  static void add(String text, Map<Double, Double> buckets) {
    for (String line : text.split("\n")) {
      if (!line.startsWith(BUCKET)) {
        continue;
      }
      int le = line.indexOf("le=\"");
      if (le < 0) {
        continue;
      }
      String bound = line.substring(le + 4, line.indexOf('"', le + 4));
      double upper = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
      buckets.merge(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
    }
  }

  /** The appends between two readings: count and p50 / p99 / p99.9 in ms (bucket upper bounds); null without readings. */
  static JsonObject between(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
    if (before == null || after == null || after.isEmpty()) {
      return null;
    }
    TreeMap<Double, Double> window = new TreeMap<>();
    after.forEach((upper, count) -> window.put(upper, count - before.getOrDefault(upper, 0.0)));
    double total = window.lastEntry().getValue();
    return new JsonObject().put("count", Math.round(total))
        .put("p50", percentile(window, total, 0.50))
        .put("p99", percentile(window, total, 0.99))
        .put("p999", percentile(window, total, 0.999));
  }

  private static Double percentile(TreeMap<Double, Double> cumulative, double total, double q) {
    if (total <= 0) {
      return null;
    }
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= q * total) {
        return bucket.getKey().isInfinite() ? null : bucket.getKey() * 1000;
      }
    }
    return null;
  }
}
