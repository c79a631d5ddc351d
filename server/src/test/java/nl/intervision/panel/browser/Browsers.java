package nl.intervision.panel.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright. Playwright cannot download its own browser here, so the
 * tests point it at the system one (CHROMIUM_PATH, default /usr/bin/chromium) and fail, not skip,
 * when it is missing: scripts/test.sh installs it.
 */
final class Browsers implements AutoCloseable {
  static final int PANEL_WIDTH = 320;
  /** Resolves to loopback inside these browsers only. */
  static final String LAN_HOST = "panel.lan";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final Playwright playwright;
  final Browser browser;
  /** Every alert the pages raised: a card's text must never be able to raise one. */
  final List<String> alerts = new CopyOnWriteArrayList<>();
  /** Every confirmation the pages asked (and that was answered yes): a question nobody needs is noise. */
  final List<String> confirms = new CopyOnWriteArrayList<>();
  /** Console errors, failed requests and error responses of every page: a whole run should have none. */
  final List<String> problems = new CopyOnWriteArrayList<>();

  Browsers() {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new IllegalStateException("no Chromium at " + chromium + "; run scripts/test.sh, which installs it");
    }
    playwright = Playwright.create();
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run",
            // A name on the "LAN" that is not localhost: pages there are not a secure context (plain http).
            "--host-resolver-rules=MAP " + LAN_HOST + " 127.0.0.1")));
  }

  /** A person's own browser window at side-panel width; confirmations are answered yes. */
  Page person(String language) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(PANEL_WIDTH, 900)
        .setLocale(language));
    context.onPage(this::watch);
    Page page = context.newPage();
    return page;
  }

  /** Watches a page (also one opened later in the same window, a second tab) for what a person would not want to see. */
  private void watch(Page page) {
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        problems.add("console: " + message.text());
      }
    });
    page.onPageError(error -> problems.add("page error: " + error));
    page.onRequestFailed(request -> problems.add("failed: " + request.url() + " " + request.failure()));
    page.onResponse(response -> {
      if (response.status() >= 400) {
        problems.add(response.status() + ": " + response.url());
      }
    });
    page.onDialog(dialog -> {
      if ("alert".equals(dialog.type())) {
        alerts.add(dialog.message());
      } else if ("confirm".equals(dialog.type())) {
        confirms.add(dialog.message());
      }
      dialog.accept();
    });
    page.setDefaultTimeout(15_000);
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
