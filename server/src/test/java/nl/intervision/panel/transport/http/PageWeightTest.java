package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.intervision.panel.support.LiveServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page-weight budget of README.md: the first load of the meeting page, as it travels (gzip), stays
 * under 120 KB. Counted: index.html, every file it names, every script under js/ (the modules app.js
 * imports) and the vendored lit-html, when there. Not counted: the meeting platforms' SDKs, which a
 * platform loads from its own servers.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PageWeightTest {
  static final int BUDGET_BYTES = 120 * 1024;
  private static final Pattern REFERENCE = Pattern.compile("(?:href|src)=\"([^\"#?]+)\"");

  LiveServer server;

  @BeforeEach
  void startServer(Vertx vertx, VertxTestContext ctx) {
    LiveServer.start(vertx, Config.forTests(Map.of())).onComplete(ctx.succeeding(started -> {
      server = started;
      ctx.completeNow();
    }));
  }

  @Test
  void theFirstLoadOfTheMeetingPageStaysWithinTheBudget(VertxTestContext ctx) {
    StaticFilesTest.fetch(server, "/index.html", "Accept-Encoding", "gzip").compose(page -> {
      TreeSet<String> paths = new TreeSet<>(referencedBy(new String(StaticFilesTest.gunzipIfNeeded(page))));
      paths.addAll(filesUnder("js"));
      paths.addAll(filesUnder("vendor/lit-html"));
      List<Future<Integer>> sizes = new ArrayList<>();
      List<String> report = new ArrayList<>();
      report.add("index.html " + page.body().length());
      for (String path : paths) {
        sizes.add(StaticFilesTest.fetch(server, "/" + path, "Accept-Encoding", "gzip").map(file -> {
          ctx.verify(() -> assertThat(file.status()).as(path).isEqualTo(200));
          report.add(path + " " + file.body().length());
          return file.body().length();
        }));
      }
      return Future.all(sizes).map(all -> {
        int total = page.body().length();
        for (int i = 0; i < all.size(); i++) {
          total += all.<Integer>resultAt(i);
        }
        int sum = total;
        ctx.verify(() -> assertThat(sum).as("bytes on the wire, gzip: %s", report).isLessThanOrEqualTo(BUDGET_BYTES)
            .isGreaterThan(5_000));
        return sum;
      });
    }).onComplete(ctx.succeedingThenComplete());
  }

  /** The page's own files that index.html names (stylesheet, scripts, icons); not other sites'. */
  static List<String> referencedBy(String html) {
    List<String> paths = new ArrayList<>();
    Matcher m = REFERENCE.matcher(html);
    while (m.find()) {
      String ref = m.group(1);
      if (!ref.contains("//") && !ref.startsWith("data:")) {
        paths.add(ref.startsWith("/") ? ref.substring(1) : ref);
      }
    }
    return paths;
  }

  /** Every file below this folder of webroot, as paths relative to webroot; none when the folder does not exist. */
  static List<String> filesUnder(String folder) {
    URL url = PageWeightTest.class.getClassLoader().getResource("webroot/" + folder);
    if (url == null) {
      return List.of();
    }
    try {
      Path dir = Path.of(url.toURI());
      Path root = dir.getParent();
      for (int i = 1; i < folder.split("/").length; i++) {
        root = root.getParent();
      }
      Path webroot = root;
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile).map(f -> webroot.relativize(f).toString().replace('\\', '/')).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
