package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.addCard;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.card;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.chairCreates;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.joinLink;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.joins;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.next;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.samePhase;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.toLearningQuestions;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group runs the Socratic warm/cold method at 320 px: everyone sees the agenda with the method and
 * the current phase, the chair picks the method once the case is known and changes phases still to
 * come, and the questions written in silence are sorted and then answered, the key question marked
 * for all.
 */
class MethodAgendaBrowserTest {
  static Vertx server;
  static HttpVerticle node;

  @BeforeAll
  static void start() throws Exception {
    server = Vertx.vertx();
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1")));
    server.deployVerticle(node).await();
    // The shared helpers of MeetingLifeBrowserTest open their pages in its browsers.
    MeetingLifeBrowserTest.browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    MeetingLifeBrowserTest.browsers.close();
    MeetingLifeBrowserTest.browsers = null;
    server.close().await();
  }

  @BeforeEach
  void clearProblems() {
    MeetingLifeBrowserTest.browsers.problems.clear();
  }

  @AfterEach
  void noProblems() {
    assertThat(MeetingLifeBrowserTest.browsers.problems).as("console errors and failed requests").isEmpty();
    assertThat(MeetingLifeBrowserTest.browsers.alerts).isEmpty();
  }

  static void openAgenda(Page page) {
    Locator agenda = page.locator("[data-testid=agenda]");
    if (agenda.getAttribute("open") == null) {
      agenda.locator("summary").click();
    }
    assertThat(page.locator("[data-testid=agenda-phases]")).isVisible();
  }

  static void toPhase(Page chair, String name, Page... others) {
    while (!chair.locator("[data-testid=phase-name]").textContent().equals(name)) {
      next(chair);
    }
    for (Page other : others) {
      samePhase(chair, other);
    }
  }

  @Test
  void theWarmColdMethodRunsWithItsAgendaAndTheQuestionsCarriedThrough() {
    String base = "http://localhost:" + node.port() + "/";
    Page chair = chairCreates(base, "nl-NL", "Warm en koud");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    Page bert = joins(joinLink(chair), "nl-NL", "Bert");

    // A participant sees the method and the current phase in the folded agenda, and the whole plan unfolded.
    assertThat(anna.locator("[data-testid=agenda-method]")).hasText("Vijfstappenmethode (basismodel)");
    assertThat(anna.locator("[data-testid=agenda-current]")).containsText("Fase 1 van");
    assertThat(anna.locator("[data-testid=agenda-current]")).containsText("Inchecken");
    openAgenda(anna);
    assertThat(anna.locator("[data-testid=agenda-phases] li[aria-current=step]")).containsText("Inchecken");
    assertThat(anna.locator("[data-testid=method-purpose]")).isVisible();
    assertThat(anna.locator("[data-testid^=skip-]")).hasCount(0);
    Browsers.screenshot(anna, "agenda-participant-320");

    // Anna's learning question is chosen; then the chair picks the method that suits it.
    toLearningQuestions(chair, anna, bert);
    addCard(anna, "Hoe houd ik de regie in lastige gesprekken?");
    toPhase(chair, "Kiezen welke vraag we behandelen", anna, bert);
    assertThat(chair.locator("[data-testid=cards]")).containsText("Hoe houd ik de regie in lastige gesprekken?");
    card(chair, "Hoe houd ik de regie").locator("button[data-testid^=choose-]").click();
    // The case is chosen: the agenda unfolds for the chair by itself, since the method is picked now.
    assertThat(chair.locator("[data-testid=agenda]")).hasAttribute("open", "");
    assertThat(chair.locator("[data-testid=method-choice]")).containsText("kies nu de methode");
    chair.selectOption("#agenda-method", "socratische-methode-warm-koud");
    chair.click("[data-testid=pick-method]");
    assertThat(anna.locator("[data-testid=agenda-method]")).hasText("Socratische vraagmethode (warme en koude vragen)");
    assertThat(bert.locator("[data-testid=agenda-socq-3-sort]")).isAttached();

    // The chair gives a phase still to come 7 minutes and skips another; everyone's agenda follows.
    chair.fill("[data-testid=retime-socq-5-reformulate]", "7");
    chair.click("[data-testid=set-minutes-socq-5-reformulate]");
    assertThat(anna.locator("[data-testid=minutes-socq-5-reformulate]")).hasText("7 minuten");
    chair.click("[data-testid=skip-socq-6-forces]");
    assertThat(anna.locator("[data-testid=agenda-socq-6-forces]")).hasCount(0);
    assertThat(chair.locator("[data-testid=agenda-socq-3-sort] [data-testid^=skip-]")).isVisible();
    // A phase moves only within its part of the agenda, as the server says.
    assertThat(chair.locator("[data-testid=earlier-socq-1-issue]")).isDisabled();
    assertThat(chair.locator("[data-testid=later-socq-7-next-action]")).isDisabled();
    assertThat(chair.locator("[data-testid=later-socq-1-issue]")).isEnabled();
    Browsers.screenshot(chair, "agenda-chair-320");

    // Bert writes two questions in silence; the chair reveals them.
    toPhase(chair, "Open vragen schrijven", anna, bert);
    addCard(bert, "Wie heeft er belang bij dat het zo blijft?");
    addCard(bert, "Wat maakt dit gesprek zo spannend?");
    assertThat(anna.locator("[data-testid=cards]")).hasCount(0);
    chair.click("[data-testid=reveal]");
    assertThat(anna.locator("[data-testid=cards]")).containsText("Wat maakt dit gesprek zo spannend?");

    // In the sorting phase the questions written before are there, and Anna (the case-bringer) rates them.
    next(chair);
    assertThat(anna.locator("[data-testid=phase-name]")).hasText("Vragen indelen: warm, neutraal, koud");
    Locator warm = card(anna, "Wat maakt dit gesprek zo spannend?");
    Locator cold = card(anna, "Wie heeft er belang bij");
    String warmId = warm.getAttribute("data-card-id");
    String coldId = cold.getAttribute("data-card-id");
    anna.click("[data-testid=rate-warm-" + warmId + "]");
    anna.click("[data-testid=rate-cold-" + coldId + "]");
    anna.click("[data-testid=key-" + warmId + "]");
    assertThat(anna.locator("[data-testid=rate-warm-" + warmId + "]")).hasAttribute("aria-pressed", "true");
    // Bert sees how each was rated, by sign and word, and the key question pinned.
    assertThat(card(bert, "Wat maakt dit gesprek").locator("[data-testid=rating-badge]")).hasText("▲ Warm");
    assertThat(card(bert, "Wie heeft er belang bij").locator("[data-testid=rating-badge]")).hasText("▼ Koud");
    assertThat(bert.locator("[data-testid=key-question]")).containsText("Wat maakt dit gesprek zo spannend?");
    assertThat(bert.locator("[data-testid^=rate-]")).hasCount(0);
    Browsers.screenshot(anna, "warm-cold-sorting-case-bringer-320");

    // One order for everyone: the key question, written last, leads; then the board's order.
    for (Page page : List.of(anna, bert, chair)) {
      assertThat(page.locator("[data-testid=card]").first()).containsText("Wat maakt dit gesprek zo spannend?");
      assertThat(page.locator("[data-testid=card]").nth(1)).containsText("Wie heeft er belang bij");
    }

    // In the answering phase the same questions are there with their rating; rating is not asked here.
    next(chair);
    assertThat(bert.locator("[data-testid=phase-name]")).hasText("Warme vragen beantwoorden");
    assertThat(card(bert, "Wat maakt dit gesprek zo spannend?")).hasAttribute("data-rating", "warm");
    assertThat(card(bert, "Wat maakt dit gesprek zo spannend?")).hasAttribute("data-key", "true");
    assertThat(card(bert, "Wat maakt dit gesprek zo spannend?").locator("[data-testid=key-mark]")).hasText("★ Kernvraag");
    assertThat(bert.locator("[data-testid=key-question]")).containsText("Wat maakt dit gesprek zo spannend?");
    assertThat(anna.locator("[data-testid=card]")).hasCount(2);
    assertThat(anna.locator("[data-testid^=rate-]")).hasCount(0);
    anna.click("[data-testid=answered-" + warmId + "]");
    assertThat(card(bert, "Wat maakt dit gesprek zo spannend?")).containsText("eantwoord");
    Browsers.screenshot(bert, "warm-cold-answering-participant-320");
  }

  @Test
  void theTimerCountsIntoOvertimeAndSaysWhenItIsPaused() {
    String base = "http://localhost:" + node.port() + "/";
    Page chair = chairCreates(base, "nl-NL", "Tijd");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    chair.fill("[data-testid=timer-minutes]", "0.02");
    chair.click("[data-testid=timer-custom]");
    assertThat(anna.locator("[data-testid=timer-state]")).hasAttribute("data-state", "overtime");
    assertThat(anna.locator("[data-timer]")).hasText(java.util.regex.Pattern.compile("^\\+0:0\\d$"));
    chair.click("[data-testid=timer-10]");
    assertThat(anna.locator("[data-testid=timer-state]")).hasAttribute("data-state", "running");
    chair.click("[data-testid=timer-pause]");
    assertThat(anna.locator("[data-testid=timer-state]")).hasText("⏸ Gepauzeerd");
    assertThat(anna.locator("[data-timer]")).hasText(java.util.regex.Pattern.compile("^(10:00|9:5\\d)$"));
  }
}
