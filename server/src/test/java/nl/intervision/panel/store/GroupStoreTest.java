package nl.intervision.panel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.intervision.panel.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same promises from PostgreSQL and from memory: compare-and-set, erase, and what survives a new pool. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class GroupStoreTest {
  static TestDatabase database;
  static final InMemoryGroupStore MEMORY = new InMemoryGroupStore(System::currentTimeMillis);

  @BeforeAll
  static void createDatabase() {
    database = new TestDatabase();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  /** A store and what closes it; for PostgreSQL a fresh pool each time, as after a restart. */
  record Opened(GroupStore store, Supplier<Future<Void>> close) {}

  interface Kind {
    Opened open(Vertx vertx);
  }

  static List<Kind> stores() {
    return List.of(
        vertx -> new Opened(MEMORY, Future::succeededFuture),
        vertx -> {
          PgEventLog log = new PgEventLog(vertx, database.options(), 2);
          return new Opened(log.groups(), log::close);
        });
  }

  static String group() {
    return "g-" + UUID.randomUUID();
  }

  static JsonObject state(String name) {
    return new JsonObject().put("name", name).put("members", new io.vertx.core.json.JsonArray().add(
        new JsonObject().put("id", "m-1").put("name", "Anna \"de Vries\" ✓")));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aGroupIsSavedAndReadBackWithItsVersion(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String id = group();
    context.runOnContext(v -> {
      Opened opened = kind.open(vertx);
      GroupStore store = opened.store();
      store.load(id)
          .map(none -> ctx.verify(() -> assertThat(none).isNull()))
          .compose(x -> store.save(id, 0, state("Griffiers")))
          .map(version -> ctx.verify(() -> assertThat(version).isEqualTo(1)))
          .compose(x -> store.save(id, 1, state("Griffiers Oost")))
          .map(version -> ctx.verify(() -> assertThat(version).isEqualTo(2)))
          .compose(x -> store.load(id))
          .map(stored -> ctx.verify(() -> {
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.state()).isEqualTo(state("Griffiers Oost"));
          }))
          .eventually(() -> opened.close().get())
          .onComplete(ctx.succeedingThenComplete());
    });
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aSaveAgainstAVersionThatMovedOnIsRefusedAndChangesNothing(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String id = group();
    context.runOnContext(v -> {
      Opened opened = kind.open(vertx);
      GroupStore store = opened.store();
      store.save(id, 0, state("first"))
          .compose(x -> store.save(id, 1, state("node one")))
          .compose(x -> store.save(id, 1, state("node two, too late")).transform(late -> {
            ctx.verify(() -> assertThat(late.cause()).isInstanceOf(ConcurrentChange.class));
            return store.save(id, 0, state("created twice"));
          }))
          .transform(again -> {
            ctx.verify(() -> assertThat(again.cause()).isInstanceOf(ConcurrentChange.class));
            return store.load(id);
          })
          .map(stored -> ctx.verify(() -> {
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.state().getString("name")).isEqualTo("node one");
          }))
          .eventually(() -> opened.close().get())
          .onComplete(ctx.succeedingThenComplete());
    });
  }

  @ParameterizedTest
  @MethodSource("stores")
  void anErasedGroupIsGoneAndItsIdCanNeverBeSavedOver(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String id = group();
    String other = group();
    context.runOnContext(v -> {
      Opened opened = kind.open(vertx);
      GroupStore store = opened.store();
      store.save(id, 0, state("to erase"))
          .compose(x -> store.save(other, 0, state("stays")))
          .compose(x -> store.erase(id))
          .map(erased -> ctx.verify(() -> assertThat(erased).isTrue()))
          .compose(x -> store.erase(id))
          .map(again -> ctx.verify(() -> assertThat(again).isFalse()))
          .compose(x -> store.load(id))
          .map(gone -> ctx.verify(() -> assertThat(gone).isNull()))
          // A node that read the group before the erase must not bring it back.
          .compose(x -> store.save(id, 1, state("stale node")).transform(stale -> {
            ctx.verify(() -> assertThat(stale.cause()).isInstanceOf(ConcurrentChange.class));
            return store.load(other);
          }))
          .map(kept -> ctx.verify(() -> assertThat(kept.state().getString("name")).isEqualTo("stays")))
          .eventually(() -> opened.close().get())
          .onComplete(ctx.succeedingThenComplete());
    });
  }

  @ParameterizedTest
  @MethodSource("stores")
  void groupsUntouchedSinceTheCutoffAreErasedAndNewerOnesKept(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String old = group();
    context.runOnContext(v -> {
      Opened opened = kind.open(vertx);
      GroupStore store = opened.store();
      store.save(old, 0, state("old"))
          .compose(x -> store.eraseIdleSince(System.currentTimeMillis() - 60_000))
          .compose(x -> store.load(old))
          .map(kept -> ctx.verify(() -> assertThat(kept).isNotNull()))
          .compose(x -> store.eraseIdleSince(System.currentTimeMillis() + 60_000))
          .map(count -> ctx.verify(() -> assertThat(count).isGreaterThanOrEqualTo(1)))
          .compose(x -> store.load(old))
          .map(gone -> ctx.verify(() -> assertThat(gone).isNull()))
          .eventually(() -> opened.close().get())
          .onComplete(ctx.succeedingThenComplete());
    });
  }

  @ParameterizedTest
  @MethodSource("stores")
  void aLinkedSignInFindsTheGroupsThatKnowItAndNoOthers(Kind kind, Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String both = group();
    String other = group();
    String key = "k-" + UUID.randomUUID();
    context.runOnContext(v -> {
      Opened opened = kind.open(vertx);
      GroupStore store = opened.store();
      store.save(both, 0, withAccounts(state("first"), "k-someone-else", key))
          .compose(x -> store.save(other, 0, withAccounts(state("second"), "k-someone-else")))
          .compose(x -> store.groupsWithAccount(key))
          .map(found -> ctx.verify(() -> assertThat(found).containsExactly(both)))
          .compose(x -> store.save(both, 1, withAccounts(state("first"), "k-someone-else")))
          .compose(x -> store.groupsWithAccount(key))
          .map(found -> ctx.verify(() -> assertThat(found).isEmpty()))
          .eventually(() -> opened.close().get())
          .onComplete(ctx.succeedingThenComplete());
    });
  }

  static JsonObject withAccounts(JsonObject state, String... keys) {
    io.vertx.core.json.JsonArray accounts = new io.vertx.core.json.JsonArray();
    for (String key : keys) {
      accounts.add(new JsonObject().put("memberId", "m-1").put("platform", "teams").put("key", key));
    }
    return state.put("accounts", accounts);
  }

  @org.junit.jupiter.api.Test
  void aGroupOutlivesItsPool(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    String id = group();
    context.runOnContext(v -> {
      PgEventLog first = new PgEventLog(vertx, database.options(), 2);
      first.groups().save(id, 0, state("kept"))
          .eventually(first::close)
          .compose(x -> {
            PgEventLog second = new PgEventLog(vertx, database.options(), 2);
            return second.groups().load(id).eventually(second::close);
          })
          .map(stored -> ctx.verify(() -> assertThat(stored.state()).isEqualTo(state("kept"))))
          .onComplete(ctx.succeedingThenComplete());
    });
  }
}
