package nl.intervision.panel.support;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;

/**
 * Server nodes for tests of several nodes on one database: each in its own Vert.x, as each would run in
 * its own process, and every future of a node brought back to the test's own context, so that the
 * test's clients are only ever used there.
 */
public final class ServerNodes {
  private final List<Vertx> nodes = new ArrayList<>();
  private final Context testContext;

  /** @param test the Vert.x of the test (its clients live there) */
  public ServerNodes(Vertx test) {
    this.testContext = test.getOrCreateContext();
  }

  /** @return the port the new node listens on */
  public Future<Integer> start(Config config) {
    Vertx node = Vertx.vertx();
    nodes.add(node);
    HttpVerticle verticle = new HttpVerticle(config);
    return here(node.deployVerticle(verticle).map(id -> verticle.port()));
  }

  /** Stops the node started index-th among those still running, as a process that ends. */
  public Future<Void> stop(int index) {
    return here(nodes.remove(index).close());
  }

  public Future<Void> stopAll() {
    return here(Future.all(nodes.stream().map(Vertx::close).toList()).mapEmpty());
  }

  /** What a node completes, completed on the test's context instead. */
  public <T> Future<T> here(Future<T> onNode) {
    return Future.fromCompletionStage(onNode.toCompletionStage(), testContext);
  }
}
