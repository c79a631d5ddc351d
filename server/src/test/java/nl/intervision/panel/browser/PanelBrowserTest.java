package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.intervision.panel.support.TestDatabase;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side panel in a real browser at 320 px: a chair and two participants in their own browser
 * windows run a short meeting against a real server on PostgreSQL, which is restarted halfway.
 */
class PanelBrowserTest {
  static final String JITSI_SECRET = "the-jitsi-app-secret-for-the-browser-test";
  static TestDatabase database;
  static Browsers browsers;
  static int port;
  static Vertx server;

  @BeforeAll
  static void start() throws IOException {
    database = new TestDatabase();
    try (ServerSocket free = new ServerSocket(0)) {
      // The same port after the restart: the pages reconnect to where they were.
      port = free.getLocalPort();
    }
    startServer();
    browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    server.close().await();
    database.close();
  }

  static void startServer() {
    Config config = Config.fromEnv(Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1",
        "DATABASE_URL", database.url(), "JWT_SECRET", "browser-test-secret-long-enough-for-hs256!!",
        "JITSI_APP_ID", "browser-test", "JITSI_SECRET", JITSI_SECRET));
    server = Vertx.vertx();
    server.deployVerticle(new HttpVerticle(config)).await();
  }

  static String base() {
    return "http://localhost:" + port + "/";
  }

  static Page chairCreates(String title, String method) {
    Page chair = browsers.person("en-GB");
    chair.navigate(base());
    chair.fill("#meeting-title", title);
    chair.fill("#chair-name", "Chris");
    chair.selectOption("#method", method);
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    return chair;
  }

  static Page joins(String joinLink, String name) {
    Page page = browsers.person("nl-NL");
    page.navigate(joinLink);
    page.fill("#join-name", name);
    page.click("[data-testid=join]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    return page;
  }

  static void next(Page chair) {
    String before = chair.locator("[data-testid=phase-name]").textContent();
    chair.click("[data-testid=next-phase]");
    assertThat(chair.locator("[data-testid=phase-name]")).not().hasText(before);
  }

  static void addCard(Page page, String text) {
    page.fill("[data-testid=card-text]", text);
    page.click("[data-testid=add-card]");
  }

  static Locator cards(Page page) {
    return page.locator("[data-testid=cards]");
  }

  @Test
  void aGroupRunsAMeetingInThreeWindows() {
    Page chair = chairCreates("Browser meeting", "socratische-methode-warm-koud");
    String link = chair.locator("[data-testid=join-link]").textContent();
    Page anna = joins(link, "Anna");
    Page bert = joins(link, "Bert");
    assertThat(chair.locator("[data-testid=people]")).containsText("Anna");
    assertThat(chair.locator("[data-testid=people]")).containsText("Bert");

    // To the learning questions: everyone follows the chair.
    next(chair);
    next(chair);
    assertSamePhase(chair, anna);
    assertSamePhase(chair, bert);

    addCard(anna, "How do I say no to my manager?");
    for (Page page : List.of(chair, bert)) {
      assertThat(cards(page)).containsText("How do I say no to my manager?");
    }

    String attack = "<img src=x onerror=alert(1)>";
    addCard(bert, attack);
    assertThat(cards(chair)).containsText(attack);
    assertThat(cards(anna)).containsText(attack);
    assertThat(chair.locator("[data-testid=cards] img")).hasCount(0);

    // The chair picks Anna's question; then on to the silent writing.
    next(chair);
    chair.locator("[data-testid=card]", new Page.LocatorOptions().setHasText("How do I say no"))
        .locator("button[data-testid^=choose-]").click();
    assertThat(chair.locator("[data-testid=people]")).containsText("case-bringer");
    next(chair);
    next(chair);
    assertSamePhase(chair, bert);

    addCard(bert, "What did you hope would happen?");
    assertThat(cards(bert)).containsText("What did you hope would happen?");
    assertThat(chair.locator("[data-testid=reveal]")).isVisible();
    assertThat(anna.locator("body")).not().containsText("What did you hope would happen?");
    assertThat(chair.locator("body")).not().containsText("What did you hope would happen?");
    chair.click("[data-testid=reveal]");
    assertThat(cards(anna)).containsText("What did you hope would happen?");

    Browsers.screenshot(chair, "chair-320");
    Browsers.screenshot(anna, "case-bringer-320");
    Browsers.screenshot(bert, "participant-320");

    // The server restarts; every page notices, comes back by itself, and still shows the meeting.
    server.close().await();
    for (Page page : List.of(chair, anna, bert)) {
      assertThat(page.locator("[data-testid=connection]")).not().hasAttribute("data-state", "online");
    }
    startServer();
    for (Page page : List.of(chair, anna, bert)) {
      assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-state", "online",
          new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
      assertThat(cards(page)).containsText("What did you hope would happen?");
    }
    next(chair);
    assertSamePhase(chair, anna);
    assertThat(browsers.alerts).isEmpty();
  }

  @Test
  void theChairRunsTheMeetingByKeyboardAlone() {
    Page chair = browsers.person("en-GB");
    chair.navigate(base());
    chair.focus("#meeting-title");
    chair.keyboard().type("Keyboard meeting");
    chair.keyboard().press("Tab");
    chair.keyboard().type("Chris");
    tabTo(chair, "create");
    chair.keyboard().press("Enter");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    String first = chair.locator("[data-testid=phase-name]").textContent();

    tabTo(chair, "next-phase");
    chair.keyboard().press("Enter");
    assertThat(chair.locator("[data-testid=phase-name]")).not().hasText(first);

    tabTo(chair, "timer-start");
    chair.keyboard().press("Enter");
    assertThat(chair.locator("[data-timer]")).hasText(Pattern.compile("^\\d+:\\d{2}$"));

    tabTo(chair, "start-round");
    chair.keyboard().press("Enter");
    assertThat(chair.locator("[data-testid=current-speaker]")).containsText("Chris");
    Browsers.screenshot(chair, "chair-keyboard-320");
  }

  @Test
  void besideAJitsiMeetingThePanelSignsPeopleInWithTheMeetingsOwnToken() {
    String room = "team-" + System.nanoTime();
    Page moderator = browsers.person("en-GB");
    String jwt = jitsiToken(room, "mod-1", "Maria", true);
    moderator.navigate(base() + "?host=jitsi#/platform/jitsi/" + room + "/" + jwt);
    assertThat(moderator.locator("[data-testid=phase-name]")).isVisible();
    assertThat(moderator.locator("[data-testid=next-phase]")).isVisible();
    assertThat(moderator.url()).doesNotContain(jwt);

    Page guest = browsers.person("nl-NL");
    guest.navigate(base() + "?host=jitsi#/platform/jitsi/" + room + "/" + jitsiToken(room, "guest-1", "Gijs", false));
    assertThat(guest.locator("[data-testid=phase-name]")).isVisible();
    assertThat(guest.locator("[data-testid=next-phase]")).hasCount(0);
    assertThat(moderator.locator("[data-testid=people]")).containsText("Gijs");

    Page forged = browsers.person("en-GB");
    String wrong = io.jsonwebtoken.Jwts.builder().issuer("browser-test").audience().add("jitsi").and().claim("room", room)
        .expiration(new java.util.Date(System.currentTimeMillis() + 600_000))
        .signWith(io.jsonwebtoken.security.Keys.hmacShaKeyFor("not-the-secret-but-long-enough-to-sign!!".getBytes()),
            io.jsonwebtoken.Jwts.SIG.HS256).compact();
    forged.navigate(base() + "?host=jitsi#/platform/jitsi/" + room + "/" + wrong);
    assertThat(forged.locator("[role=alert]")).containsText("did not work");
  }

  static String jitsiToken(String room, String user, String name, boolean moderator) {
    return io.jsonwebtoken.Jwts.builder().issuer("browser-test").audience().add("jitsi").and().subject("meet.example.org")
        .claim("room", room)
        .claim("context", Map.of("user", Map.of("id", user, "name", name, "moderator", String.valueOf(moderator))))
        .expiration(new java.util.Date(System.currentTimeMillis() + 600_000))
        .signWith(io.jsonwebtoken.security.Keys.hmacShaKeyFor(JITSI_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            io.jsonwebtoken.Jwts.SIG.HS256).compact();
  }

  /** Everyone sees the phase the chair moved to (each in their own language, so compared by position). */
  static void assertSamePhase(Page chair, Page other) {
    String index = chair.locator("[data-testid=phase-name]").getAttribute("data-index");
    assertThat(other.locator("[data-testid=phase-name]")).hasAttribute("data-index", index);
  }

  /** Presses Tab until the control with this test id has the focus, as a keyboard user would. */
  static void tabTo(Page page, String testId) {
    for (int i = 0; i < 80; i++) {
      page.keyboard().press("Tab");
      Object focused = page.evaluate("() => document.activeElement && document.activeElement.dataset.testid");
      if (testId.equals(focused)) {
        return;
      }
    }
    throw new AssertionError("the keyboard never reached " + testId);
  }
}
