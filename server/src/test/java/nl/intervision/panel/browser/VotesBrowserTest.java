package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voting on the learning questions at 320 px, in Dutch, with a vote budget the chair sets: each person
 * reads how many votes they have left (their own, not someone else's), a vote beyond the budget is
 * refused in Dutch, and sorting by votes puts the most-voted question first for everyone.
 */
class VotesBrowserTest {
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

  static Locator card(Page page, String text) {
    return ClosingBrowserTest.card(page, text);
  }

  static Page joins(String link, String name) {
    Page page = browsers.person("nl-NL");
    page.navigate(link);
    page.fill("#join-name", name);
    page.click("[data-testid=join]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    return page;
  }

  /** One card after another, so the board's order is the order written. */
  static void write(Page page, String text) {
    page.fill("[data-testid=card-text]", text);
    page.click("[data-testid=add-card]");
    assertThat(card(page, text)).isVisible();
  }

  static void vote(Page page, String text) {
    Locator button = card(page, text).locator("button[data-testid^=vote-]");
    button.click();
    assertThat(button).hasAttribute("aria-pressed", "true");
  }

  @Test
  void everyoneSeesTheirOwnVotesLeftAVoteTooManyIsRefusedAndTheMostVotedQuestionLeads() {
    Page chair = browsers.person("nl-NL");
    chair.navigate("http://localhost:" + node.port() + "/");
    chair.fill("#meeting-title", "Stemmen");
    chair.fill("#chair-name", "Chris");
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    String link = chair.locator("[data-testid=join-link]").textContent().trim();
    Page anna = joins(link, "Anna");
    Page bert = joins(link, "Bert");
    List<Page> everyone = List.of(chair, anna, bert);

    // To the learning questions: three of them on the board.
    while (!bert.locator("[data-testid=phase-name]").textContent().contains("Leervragen ophalen")) {
      ClosingBrowserTest.next(chair, anna, bert);
    }
    String first = "Hoe zeg ik nee tegen mijn leidinggevende?";
    String second = "Hoe houd ik grip op mijn planning?";
    String third = "Hoe geef ik een collega lastige feedback?";
    write(anna, first);
    write(bert, second);
    write(chair, third);
    assertThat(bert.locator("[data-testid=votes-left]")).hasCount(0);

    // The chair gives everyone two votes in this phase.
    chair.locator("details.vote-budget > summary").click();
    chair.fill("[data-testid=vote-budget-input]", "2");
    chair.click("[data-testid=set-vote-budget]");
    for (Page page : everyone) {
      assertThat(page.locator("[data-testid=vote-budget]")).containsText("Iedereen heeft 2 stemmen in deze fase.");
      assertThat(page.locator("[data-testid=votes-left]")).hasText("Je hebt nog 2 stemmen over.");
    }

    // Bert spends his: his count goes down, nobody else's.
    vote(bert, third);
    assertThat(bert.locator("[data-testid=votes-left]")).hasText("Je hebt nog 1 stem over.");
    vote(bert, first);
    assertThat(bert.locator("[data-testid=votes-left]")).hasText("Je hebt nog 0 stemmen over.");
    assertThat(card(anna, first)).containsText("1 stem");
    assertThat(anna.locator("[data-testid=votes-left]")).hasText("Je hebt nog 2 stemmen over.");
    assertThat(chair.locator("[data-testid=votes-left]")).hasText("Je hebt nog 2 stemmen over.");

    // A third vote is refused, in Dutch, and changes nothing.
    card(bert, second).locator("button[data-testid^=vote-]").click();
    assertThat(bert.locator("[data-testid=notice]")).containsText("Je hebt al je stemmen in deze fase gegeven (2 stemmen)");
    assertThat(card(bert, second).locator("button[data-testid^=vote-]")).hasAttribute("aria-pressed", "false");
    assertThat(bert.locator("[data-testid=votes-left]")).hasText("Je hebt nog 0 stemmen over.");
    Browsers.screenshot(bert, "votes-budget-spent-320");

    // Taking one back makes room again.
    card(bert, first).locator("button[data-testid^=vote-]").click();
    assertThat(bert.locator("[data-testid=votes-left]")).hasText("Je hebt nog 1 stem over.");
    vote(bert, first);

    // Anna and the chair vote too; the third question has the most votes.
    vote(anna, third);
    assertThat(anna.locator("[data-testid=votes-left]")).hasText("Je hebt nog 1 stem over.");
    vote(chair, third);
    vote(chair, second);
    assertThat(chair.locator("[data-testid=votes-left]")).hasText("Je hebt nog 0 stemmen over.");
    assertThat(bert.locator("[data-testid=votes-left]")).hasText("Je hebt nog 0 stemmen over.");
    assertThat(anna.locator("[data-testid=votes-left]")).hasText("Je hebt nog 1 stem over.");

    // Sorted by votes, the third question (three votes) leads for everyone, then the first (two).
    for (Page page : everyone) {
      assertThat(page.locator("[data-testid=cards] > li").first()).not().containsText(third);
      page.click("[data-testid=sort-cards]");
      assertThat(page.locator("[data-testid=sort-cards]")).hasAttribute("aria-pressed", "true");
      assertThat(page.locator("[data-testid=cards] > li").first()).containsText(third);
      assertThat(page.locator("[data-testid=cards] > li").first()).containsText("3 stemmen");
      assertThat(page.locator("[data-testid=cards] > li").nth(1)).containsText(first);
    }
    Browsers.screenshot(anna, "votes-sorted-320");

    // In the next phase the budget, and so the count, is gone.
    ClosingBrowserTest.next(chair, anna, bert);
    assertThat(bert.locator("[data-testid=votes-left]")).hasCount(0);
  }
}
