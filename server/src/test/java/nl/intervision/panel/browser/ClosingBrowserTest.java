package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second half of a meeting at 320 px, in Dutch: the count of who has written in a silent phase,
 * one's own vote, an action point edited, given to someone else and marked done, the evaluation, the
 * chair's end, and the summary each person reads, downloads and reads again after a reload.
 */
class ClosingBrowserTest {
  static Browsers browsers;
  static Vertx server;
  static HttpVerticle node;

  @BeforeAll
  static void start() throws Exception {
    server = Vertx.vertx();
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1")));
    server.deployVerticle(node).await();
    browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    server.close().await();
  }

  @AfterEach
  void noProblems() {
    assertThat(browsers.problems).as("console errors and failed requests").isEmpty();
    assertThat(browsers.alerts).isEmpty();
  }

  static Page joins(String link, String name) {
    Page page = browsers.person("nl-NL");
    page.navigate(link);
    page.fill("#join-name", name);
    page.click("[data-testid=join]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    return page;
  }

  static void next(Page chair, Page... others) {
    String index = chair.locator("[data-testid=phase-name]").getAttribute("data-index");
    chair.click("[data-testid=next-phase]");
    assertThat(chair.locator("[data-testid=phase-name]")).not().hasAttribute("data-index", index);
    String now = chair.locator("[data-testid=phase-name]").getAttribute("data-index");
    for (Page other : others) {
      assertThat(other.locator("[data-testid=phase-name]")).hasAttribute("data-index", now);
    }
  }

  static Locator card(Page page, String text) {
    return page.locator("[data-testid=card]", new Page.LocatorOptions().setHasText(text));
  }

  static Locator point(Page page) {
    return page.locator("[data-testid=action-point]");
  }

  @Test
  void anActionPointGoesToSomeoneElseIsDoneAndEveryoneReadsItInTheSummary() throws Exception {
    Page chair = browsers.person("nl-NL");
    chair.navigate("http://localhost:" + node.port() + "/");
    chair.fill("#meeting-title", "Intervisie december");
    chair.fill("#chair-name", "Chris");
    chair.selectOption("#method", "incidentmethode");
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    String link = chair.locator("[data-testid=join-link]").textContent().trim();
    Page anna = joins(link, "Anna");
    Page bert = joins(link, "Bert");

    // The learning questions: Bert votes for Anna's and sees it is his vote; the chair picks it.
    next(chair, anna, bert);
    next(chair, anna, bert);
    String question = "Hoe zeg ik nee tegen mijn leidinggevende?";
    anna.fill("[data-testid=card-text]", question);
    anna.click("[data-testid=add-card]");
    card(bert, question).locator("button[data-testid^=vote-]").click();
    assertThat(card(bert, question).locator("button[data-testid^=vote-]")).hasAttribute("aria-pressed", "true");
    assertThat(card(bert, question)).containsText("Jouw stem");
    assertThat(card(bert, question)).containsText("Gestemd");
    assertThat(card(anna, question)).not().containsText("Jouw stem");
    next(chair, anna, bert);
    card(chair, question).locator("button[data-testid^=choose-]").click();

    // On to the silent phase: Bert writes twice, and everyone reads only that one of two has written
    // (Anna, the case-bringer, listens there).
    while (anna.locator("[data-testid=writing-progress]").count() == 0) {
      next(chair, anna, bert);
    }
    assertThat(anna.locator("[data-testid=writing-progress]")).containsText("0 van 2 hebben geschreven");
    for (String text : List.of("Wat zei je leidinggevende precies?", "Wanneer speelde dit?")) {
      bert.fill("[data-testid=card-text]", text);
      bert.click("[data-testid=add-card]");
      assertThat(bert.locator("[data-testid=cards]")).containsText(text);
    }
    assertThat(anna.locator("[data-testid=writing-progress]")).containsText("1 van 2 heeft geschreven");
    assertThat(chair.locator("[data-testid=writing-progress]")).containsText("1 van 2 heeft geschreven");
    assertThat(anna.locator("main")).not().containsText("Wanneer speelde dit?");
    chair.click("[data-testid=reveal]");
    assertThat(anna.locator("[data-testid=cards]")).containsText("Wanneer speelde dit?");
    Browsers.screenshot(anna, "closing-silent-progress-320");

    // On to the first phase that collects action points: Anna takes one on.
    while (anna.locator("#card-owner").count() == 0) {
      next(chair, anna, bert);
    }
    anna.fill("[data-testid=card-text]", "Oefenen met nee zeggen");
    anna.click("[data-testid=add-card]");
    assertThat(point(chair)).containsText("Oefenen met nee zeggen");
    assertThat(point(chair).locator("[data-testid=point-owner]")).hasText("Eigenaar: Anna");
    String id = point(anna).getAttribute("data-card-id");

    // Anna edits it and gives it to Bert; Bert, its owner now, marks it done.
    anna.click("[data-testid=point-edit-" + id + "]");
    anna.fill("[data-testid=point-editor-" + id + "]", "Oefenen met nee zeggen, elke week");
    anna.click("[data-testid=point-save-" + id + "]");
    assertThat(point(bert)).containsText("Oefenen met nee zeggen, elke week");
    anna.selectOption("[data-testid=owner-" + id + "]", new com.microsoft.playwright.options.SelectOption().setLabel("Bert"));
    anna.click("[data-testid=point-assign-" + id + "]");
    assertThat(point(chair).locator("[data-testid=point-owner]")).hasText("Eigenaar: Bert");
    bert.click("[data-testid=point-done-" + id + "]");
    assertThat(point(anna).locator("[data-testid=point-done]")).hasText("gedaan");
    assertThat(point(chair).locator("[data-testid=point-done]")).isVisible();
    Browsers.screenshot(bert, "closing-action-point-320");

    // The closing: Anna evaluates the meeting, and Bert sees it.
    while (anna.locator("[data-testid=evaluation]").count() == 0) {
      next(chair, anna, bert);
    }
    anna.fill("[data-testid=evaluation-score]", "8");
    anna.fill("[data-testid=evaluation-word]", "Leerzaam");
    anna.click("[data-testid=give-evaluation]");
    assertThat(bert.locator("[data-testid=evaluations]")).containsText("Anna: 8 · Leerzaam");
    assertThat(anna.locator("[data-testid=evaluations]")).containsText("Jouw evaluatie: 8 · Leerzaam");

    // The chair ends the meeting, having read what erasing would mean.
    chair.click("[data-testid=end-choice] > summary");
    assertThat(chair.locator("[data-testid=end-choice]")).containsText("Er blijft geen verslag over");
    assertThat(chair.locator("[data-testid=end-and-erase]")).isVisible();
    chair.click("[data-testid=end-meeting]");

    // Everyone reads the summary as HTML: a participant (Bert) and the chair each see the action
    // point's owner and can download the Markdown; only the chair sees the case record.
    for (Page reader : List.of(bert, chair)) {
      Locator summary = reader.locator("[data-testid=summary]");
      assertThat(summary).containsText("Verslag: Intervisie december");
      assertThat(summary).containsText(question);
      assertThat(summary.locator("[data-testid=summary-points]")).containsText("Oefenen met nee zeggen, elke week");
      assertThat(summary.locator("[data-testid=summary-owner]")).hasText("Bert");
      assertThat(summary.locator("[data-testid=summary-attendees]")).containsText("Chris (voorzitter), Anna (inbrenger), Bert");
      assertThat(summary.locator("[data-testid=summary-evaluations]")).containsText("Anna: 8/10 · Leerzaam");
      assertThat(summary.locator("pre")).hasCount(0);
      Download download = reader.waitForDownload(() -> reader.click("[data-testid=summary-download]"));
      assertThat(download.suggestedFilename()).startsWith("intervisie-december-").endsWith(".md");
      String markdown = Files.readString(download.path(), StandardCharsets.UTF_8);
      assertThat(markdown).startsWith("# Intervisie december")
          .contains("- [x] Oefenen met nee zeggen, elke week (eigenaar: Bert)", "Anna: 8/10, Leerzaam", "Datum: ");
    }
    assertThat(chair.locator("[data-testid=summary]")).containsText("Wat zei je leidinggevende precies?");
    assertThat(bert.locator("[data-testid=summary]")).not().containsText("Verloop van de casus");
    Browsers.screenshot(bert, "closing-summary-participant-320");
    Browsers.screenshot(chair, "closing-summary-chair-320");

    // Printing shows the summary alone.
    chair.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
    assertThat(chair.locator("header.topbar")).isHidden();
    assertThat(chair.locator("[data-testid=summary-download]")).isHidden();
    assertThat(chair.locator("[data-testid=summary]")).isVisible();
    chair.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

    // Days later the page still has the token: the summary is there after a reload.
    bert.reload();
    assertThat(bert.locator("[data-testid=summary-owner]")).hasText("Bert");
  }

  @Test
  void endingAndErasingNowLeavesEveryoneAPlainWordAndNoSummary() {
    Page chair = browsers.person("nl-NL");
    chair.navigate("http://localhost:" + node.port() + "/");
    chair.fill("#meeting-title", "Meteen wissen");
    chair.fill("#chair-name", "Chris");
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    Page anna = joins(chair.locator("[data-testid=join-link]").textContent().trim(), "Anna");

    chair.click("[data-testid=end-choice] > summary");
    assertThat(chair.locator("[data-testid=end-choice]")).containsText("Dit kan niet ongedaan worden gemaakt");
    chair.click("[data-testid=end-and-erase]");
    for (Page page : List.of(chair, anna)) {
      assertThat(page.locator("[data-testid=ended]")).isVisible();
      assertThat(page.locator("[data-testid=summary-refused]")).containsText("alles gewist");
      assertThat(page.locator("[data-testid=summary]")).hasCount(0);
    }
  }
}
