package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.intervision.panel.Config;
import nl.intervision.panel.support.StallingProxy;
import nl.intervision.panel.transport.http.HttpVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The panel as a group lives with it: hosts reload side panels, people type while others act,
 * open the panel on a second device, lose their connection without noticing, and are refused
 * things in their own language. Every page runs at 320 px; a run must show no console error and no
 * failed request.
 */
class MeetingLifeBrowserTest {
  static Browsers browsers;
  static Vertx server;
  static HttpVerticle node;
  static StallingProxy proxy;
  /** Problems a test expects (a refusal it provokes on purpose), by a part of their text. */
  final List<String> expectedProblems = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = Vertx.vertx();
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1",
        // Short liveness settings, so a silently dead connection is noticed within seconds here.
        "PING_EVERY_SECONDS", "2", "PING_TIMEOUT_SECONDS", "2")));
    server.deployVerticle(node).await();
    proxy = new StallingProxy(node.port());
    browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    proxy.close();
    server.close().await();
  }

  @BeforeEach
  void clearProblems() {
    browsers.problems.clear();
  }

  @AfterEach
  void noProblems() {
    assertThat(browsers.problems.stream().filter(p -> expectedProblems.stream().noneMatch(p::contains)).toList())
        .as("console errors and failed requests").isEmpty();
    assertThat(browsers.alerts).isEmpty();
  }

  static String base() {
    return "http://localhost:" + node.port() + "/";
  }

  static Page chairCreates(String base, String language, String title) {
    Page chair = browsers.person(language);
    chair.navigate(base);
    chair.fill("#meeting-title", title);
    chair.fill("#chair-name", "Chris");
    chair.selectOption("#method", "vijfstappenmethode");
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    return chair;
  }

  static Page joins(String link, String language, String name) {
    Page page = browsers.person(language);
    page.navigate(link);
    // The invitation says where it leads before a name is typed.
    assertThat(page.locator("[data-testid=invitation]")).containsText("Chris");
    page.fill("#join-name", name);
    page.click("[data-testid=join]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    return page;
  }

  static String joinLink(Page chair) {
    return chair.locator("[data-testid=join-link]").textContent().trim();
  }

  /** Moves on to the frame's phase that collects learning questions (the third), and checks the others follow. */
  static void toLearningQuestions(Page chair, Page... others) {
    while (!chair.locator("[data-testid=phase-name]").getAttribute("data-index").equals("2")) {
      next(chair);
    }
    for (Page other : others) {
      samePhase(chair, other);
    }
  }

  static void next(Page chair) {
    String index = chair.locator("[data-testid=phase-name]").getAttribute("data-index");
    chair.click("[data-testid=next-phase]");
    assertThat(chair.locator("[data-testid=phase-name]")).not().hasAttribute("data-index", index);
  }

  static void samePhase(Page chair, Page other) {
    assertThat(other.locator("[data-testid=phase-name]"))
        .hasAttribute("data-index", chair.locator("[data-testid=phase-name]").getAttribute("data-index"));
  }

  static void addCard(Page page, String text) {
    page.fill("[data-testid=card-text]", text);
    page.click("[data-testid=add-card]");
    assertThat(page.locator("[data-testid=cards]")).containsText(text);
  }

  static Locator card(Page page, String text) {
    return page.locator("[data-testid=card]", new Page.LocatorOptions().setHasText(text));
  }

  static Locator person(Page page, String name) {
    return page.locator("[data-testid=people] li", new Page.LocatorOptions().setHasText(name));
  }

  static void online(Page page) {
    assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-state", "online");
  }

  @Test
  void reloadingThePanelKeepsEveryoneInTheirSeatThroughAWholeMethod() {
    Page chair = chairCreates(base(), "en-GB", "Reload meeting");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    toLearningQuestions(chair, anna);
    addCard(anna, "Hoe zeg ik nee tegen mijn leidinggevende?");
    String phase = chair.locator("[data-testid=phase-name]").getAttribute("data-index");

    // F5, as the meeting platform does whenever the side panel is reopened: back within 2 seconds.
    LocatorAssertions.IsVisibleOptions twoSeconds = new LocatorAssertions.IsVisibleOptions().setTimeout(2_000);
    for (Page page : List.of(chair, anna)) {
      page.reload();
      assertThat(page.locator("[data-testid=phase-name]")).isVisible(twoSeconds);
      assertThat(page.locator("[data-testid=phase-name]")).hasAttribute("data-index", phase);
      assertThat(page.locator("[data-testid=cards]")).containsText("Hoe zeg ik nee tegen mijn leidinggevende?");
    }
    assertThat(person(chair, "Chris")).containsText("(you)");
    assertThat(person(anna, "Anna")).containsText("(jij)");
    assertThat(chair.locator("[data-testid=next-phase]")).isVisible();
    assertThat(anna.locator("[data-testid=next-phase]")).hasCount(0);
    // The chair can always reach the invitation again.
    assertThat(chair.locator("[data-testid=join-link]")).containsText("#/join/");

    // The meeting's address opened again in a new tab of the same browser: the same person, no newcomer.
    Page annaAgain = anna.context().newPage();
    annaAgain.navigate(anna.url());
    assertThat(annaAgain.locator("[data-testid=phase-name]")).hasAttribute("data-index", phase);
    assertThat(person(annaAgain, "Anna")).containsText("(jij)");
    assertThat(chair.locator("[data-testid=people] li")).hasCount(2);
    annaAgain.close();

    // The invitation link opened again by someone already in: back to their seat, no second Anna.
    anna.navigate(joinLink(chair));
    assertThat(anna.locator("[data-testid=phase-name]")).hasAttribute("data-index", phase);
    assertThat(chair.locator("[data-testid=people] li")).hasCount(2);

    // On through every phase to the end, reloading the chair's panel halfway. The chair picks Anna's
    // question as the case; from then on it stays in view in every phase. An action point written near
    // the end carries on to the next phase and into the summary, which the chair and Anna (the
    // case-bringer) both read; everyone sees the meeting end.
    String question = "Hoe zeg ik nee tegen mijn leidinggevende?";
    boolean chosen = false;
    int phases = 0;
    while (!chair.locator("[data-testid=next-phase]").isDisabled()) {
      next(chair);
      samePhase(chair, anna);
      if (++phases == 4) {
        chair.reload();
        assertThat(chair.locator("[data-testid=next-phase]")).isVisible(twoSeconds);
      }
      if (!chosen && chair.locator("button[data-testid^=choose-]").count() > 0) {
        card(chair, question).locator("button[data-testid^=choose-]").click();
        assertThat(person(anna, "Anna")).containsText("inbrenger");
        chosen = true;
      } else if (chosen) {
        assertThat(anna.locator("section[aria-labelledby=board-title]")).containsText(question);
      }
      if (chosen && anna.locator("#card-owner").count() > 0
          && !anna.locator("section[aria-labelledby=actions-title]").textContent().contains("Oefenen met nee zeggen")) {
        anna.fill("[data-testid=card-text]", "Oefenen met nee zeggen");
        anna.click("[data-testid=add-card]");
        assertThat(chair.locator("section[aria-labelledby=actions-title]")).containsText("Oefenen met nee zeggen");
        next(chair);
        samePhase(chair, anna);
        assertThat(anna.locator("section[aria-labelledby=actions-title]")).containsText("Oefenen met nee zeggen");
      }
    }
    assertThat(chosen).as("the chair chose a case").isTrue();
    chair.click("[data-testid=end-choice] > summary");
    chair.click("[data-testid=end-meeting]");
    assertThat(chair.locator("[data-testid=ended]")).isVisible();
    assertThat(anna.locator("[data-testid=ended]")).isVisible();
    for (Page reader : List.of(chair, anna)) {
      assertThat(reader.locator("[data-testid=summary]")).containsText("Reload meeting");
      assertThat(reader.locator("[data-testid=summary]")).containsText(question);
      assertThat(reader.locator("[data-testid=summary]")).containsText("Oefenen met nee zeggen");
    }
    Browsers.screenshot(anna, "life-summary-case-bringer-320");
    Browsers.screenshot(chair, "life-summary-320");
  }

  @Test
  void aReopenedPanelSaysWhatHappenedWhileItWasClosed() {
    Page chair = chairCreates(base(), "nl-NL", "Weg geweest");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    Page bert = joins(joinLink(chair), "nl-NL", "Bert");
    toLearningQuestions(chair, anna, bert);
    String address = anna.url();
    var annasBrowser = anna.context();
    anna.close();

    addCard(bert, "Wat wil je zelf?");
    addCard(bert, "Wie beslist er?");
    next(chair);

    Page reopened = annasBrowser.newPage();
    reopened.navigate(address);
    assertThat(reopened.locator("[data-testid=while-away]")).containsText("2 nieuwe kaarten");
    assertThat(reopened.locator("[data-testid=while-away]")).containsText(
        chair.locator("[data-testid=phase-name]").textContent());
    samePhase(chair, reopened);
    Browsers.screenshot(reopened, "life-while-away-320");

    // A reload with nothing new says nothing.
    reopened.reload();
    online(reopened);
    assertThat(reopened.locator("[data-testid=while-away]")).hasCount(0);
  }

  @Test
  void typingAnOpenEditAndAChosenNameSurviveWhatOthersDo() {
    Page chair = chairCreates(base(), "nl-NL", "Typen");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    Page bert = joins(joinLink(chair), "en-GB", "Bert");
    toLearningQuestions(chair, anna, bert);

    // Anna types a 60-character question key by key while Bert adds cards and Chris votes on them.
    String question = "Hoe zeg ik nee tegen mijn leidinggevende zonder ruzie te krijgen?".substring(0, 60);
    Locator draft = anna.locator("[data-testid=card-text]");
    draft.click();
    for (int i = 0; i < question.length(); i++) {
      draft.press(question.substring(i, i + 1).equals(" ") ? "Space" : question.substring(i, i + 1));
      anna.waitForTimeout(60);
      if (i % 12 == 5) {
        String text = "Card " + i + " from Bert";
        addCard(bert, text);
        card(chair, text).locator("button[data-testid^=vote-]").click();
        assertThat(card(anna, text)).containsText("1 stem");
      }
    }
    assertThat(draft).hasValue(question);
    assertThat(draft).isFocused();
    anna.click("[data-testid=add-card]");
    assertThat(chair.locator("[data-testid=cards]")).containsText(question);
    assertThat(bert.locator("[data-testid=cards]")).containsText(question);
    assertThat(draft).hasValue("");

    // Bert edits his card; meanwhile others vote on that very card and add new ones.
    Locator bertsCard = card(bert, "Card 5 from Bert");
    String cardId = bertsCard.getAttribute("data-card-id");
    // Editing sits in the card's small menu, with deleting: the card itself keeps only what is used all the time.
    bert.click("[data-testid=card-menu-" + cardId + "] > summary");
    bert.click("[data-testid=edit-" + cardId + "]");
    Locator editor = bert.locator("[data-testid=editor-" + cardId + "]");
    editor.press("End");
    editor.pressSequentially(", rewritten");
    card(anna, "Card 5 from Bert").locator("button[data-testid^=vote-]").click();
    addCard(chair, "Een vraag van de voorzitter");
    // While Bert edits, his card's text is in the editor: the card is found by its id.
    assertThat(bert.locator("[data-card-id=" + cardId + "]")).containsText("2 votes");
    assertThat(editor).hasValue("Card 5 from Bert, rewritten");
    assertThat(editor).isFocused();
    bert.click("[data-testid=save-" + cardId + "]");
    assertThat(anna.locator("[data-testid=cards]")).containsText("Card 5 from Bert, rewritten");

    // The chair picks a backup chair in the list; someone joins and cards arrive before "Instellen".
    String bertsId = person(chair, "Bert").getAttribute("data-participant-id");
    chair.selectOption("#backup", bertsId);
    Page dana = joins(joinLink(chair), "nl-NL", "Dana");
    addCard(dana, "Een vraag van Dana");
    assertThat(person(chair, "Dana")).isVisible();
    assertThat(chair.locator("#backup")).hasValue(bertsId);
    chair.click("[data-testid=set-backup]");
    assertThat(person(anna, "Bert")).containsText("reserve-voorzitter");
    Browsers.screenshot(anna, "life-typing-320");
  }

  @Test
  void aSecondDeviceIsTheSamePersonAndASecondAnnaIsAsked() {
    Page chair = chairCreates(base(), "nl-NL", "Twee apparaten");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    // Readiness counts once the chair asks, and only those who have something to finish: not the chair.
    chair.click("[data-testid=ask-readiness]");
    assertThat(chair.locator("[data-testid=done-count]")).hasText("0 van 1 klaar");

    anna.click("[data-testid=my-devices]");
    Locator link = anna.locator("[data-testid=device-link]");
    assertThat(link).containsText("#/device/");
    assertThat(anna.locator("[data-testid=device-qr] svg")).isVisible();
    assertThat(chair.locator("[data-testid=device-link]")).hasCount(0);
    Browsers.screenshot(anna, "life-device-link-320");

    Page phone = browsers.person("nl-NL");
    phone.navigate(link.textContent().trim());
    assertThat(phone.locator("[data-testid=phase-name]")).isVisible();
    assertThat(person(phone, "Anna")).containsText("(jij)");
    assertThat(phone.url()).doesNotContain("/device/");
    assertThat(chair.locator("[data-testid=people] li")).hasCount(2);
    phone.click("[data-testid=done]");
    assertThat(anna.locator("[data-testid=done]")).hasAttribute("aria-pressed", "true");
    assertThat(chair.locator("[data-testid=done-count]")).hasText("1 van 1 klaar");

    // Someone opens the invitation and types a name already present: asked, not silently doubled.
    expectedProblems.add("409");
    Page laptop = browsers.person("nl-NL");
    laptop.navigate(joinLink(chair));
    laptop.fill("#join-name", " anna ");
    laptop.click("[data-testid=join]");
    assertThat(laptop.locator("[data-testid=name-taken]")).containsText("Anna");
    assertThat(chair.locator("[data-testid=people] li")).hasCount(2);
    laptop.click("[data-testid=join-anyway]");
    assertThat(laptop.locator("[data-testid=phase-name]")).isVisible();
    assertThat(chair.locator("[data-testid=people] li")).hasCount(3);
  }

  @Test
  void aConnectionThatDiesSilentlyIsNoticedAndResumed() {
    Page chair = chairCreates(base(), "nl-NL", "Stille verbinding");
    // Anna reaches the server through a proxy that will go silent: no close, no error, nothing.
    String link = joinLink(chair).replace(":" + node.port() + "/", ":" + proxy.port() + "/");
    Page anna = joins(link, "nl-NL", "Anna");
    toLearningQuestions(chair, anna);
    assertThat(person(chair, "Anna")).hasAttribute("data-online", "true");

    proxy.stallAll();
    // Chromium itself reports each attempt to reconnect while the network is down; that one is expected.
    expectedProblems.add("WebSocket connection to 'ws://localhost:" + proxy.port());
    addCard(chair, "Geschreven terwijl Anna niets hoorde");
    // Neither end hears a close. The server stops counting her as present, her page says it is not
    // connected; both only because nothing answered their pings.
    LocatorAssertions.HasAttributeOptions patient = new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);
    assertThat(person(chair, "Anna")).hasAttribute("data-online", "false", patient);
    assertThat(anna.locator("[data-testid=connection]")).not().hasAttribute("data-state", "online", patient);

    // The network comes back: her page reconnects by itself and catches up with what she missed.
    proxy.restore();
    assertThat(anna.locator("[data-testid=connection]")).hasAttribute("data-state", "online", patient);
    assertThat(anna.locator("[data-testid=cards]")).containsText("Geschreven terwijl Anna niets hoorde");
    assertThat(person(chair, "Anna")).hasAttribute("data-online", "true");
    addCard(anna, "Ik ben er weer");
    assertThat(chair.locator("[data-testid=cards]")).containsText("Ik ben er weer");
  }

  @Test
  void everyRefusalSpeaksThePagesLanguage() {
    Page chair = chairCreates(base(), "nl-NL", "Weigeringen");
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    Page bert = joins(joinLink(chair), "en-GB", "Bert");
    toLearningQuestions(chair, anna, bert);
    addCard(anna, "Annas vraag");
    String annasCard = card(anna, "Annas vraag").getAttribute("data-card-id");
    int phase = Integer.parseInt(chair.locator("[data-testid=phase-name]").getAttribute("data-index"));

    // What a participant may try, with the page's own channel: each is refused, in Dutch for Anna.
    List<String> commands = List.of(
        "{type:'advancePhase', fromPhase:" + phase + "}",
        "{type:'pauseTimer'}",
        "{type:'editCard', cardId:'" + annasCard + "', text:'overgenomen'}",
        "{type:'voteCard', cardId:'c-doesnotexist'}",
        "{type:'addCard', kind:'learning-question', text:'" + "x".repeat(1001) + "'}",
        "{type:'nameBackupChair', participantId:'p-nobody'}",
        "{type:'rateCard', cardId:'" + annasCard + "', rating:'warm'}");
    for (String command : commands) {
      Page who = command.contains("editCard") ? bert : anna;
      String english = (String) who.evaluate("() => window.intervisionPanel.send(" + command + ")"
          + ".then(() => 'accepted', (e) => e.message)");
      assertThat(english).as(command).isNotEqualTo("accepted");
      Locator notice = who.locator("[data-testid=notice]");
      assertThat(notice).isVisible();
      String shown = notice.textContent();
      assertThat(shown).as(command).doesNotContain(english).isNotBlank();
      if (who == anna) {
        assertThat(shown).as(command).doesNotContainPattern("(?i)\\b(the|only|you|cannot|no such|must|already)\\b");
      }
    }
    // The chair's stale click: the meeting has moved on meanwhile.
    chair.evaluate("() => window.intervisionPanel.send({type:'advancePhase', fromPhase:" + phase + "})");
    String stale = (String) chair.evaluate("() => window.intervisionPanel.send({type:'advancePhase', fromPhase:" + phase + "})"
        + ".then(() => 'accepted', (e) => e.message)");
    assertThat(stale).contains("no longer in phase");
    assertThat(chair.locator("[data-testid=notice]")).isVisible();
    assertThat(chair.locator("[data-testid=notice]")).not().containsText("phase");

    // A wrong join code, on the Dutch join form.
    expectedProblems.add("403");
    Page stranger = browsers.person("nl-NL");
    stranger.navigate(joinLink(chair).replaceAll("/[^/]+$", "/WRONG1"));
    stranger.fill("#join-name", "Els");
    stranger.click("[data-testid=join]");
    Locator error = stranger.locator("[data-testid=form-error]");
    assertThat(error).not().isEmpty();
    assertThat(error).not().containsText(Pattern.compile("\\b(the|join code|not right)\\b", Pattern.CASE_INSENSITIVE));
  }

  @Test
  void overPlainHttpOnTheLanEveryCommandWorks() {
    // Another device on the network opens http://<the server's name>:port: not a secure context, so
    // crypto.randomUUID and the clipboard API are missing there.
    String lan = "http://" + Browsers.LAN_HOST + ":" + node.port() + "/";
    Page chair = chairCreates(lan, "nl-NL", "Op het netwerk");
    assertThat(chair.evaluate("() => window.isSecureContext")).isEqualTo(false);
    Page anna = joins(joinLink(chair), "nl-NL", "Anna");
    toLearningQuestions(chair, anna);
    addCard(anna, "Gewoon over http");
    assertThat(chair.locator("[data-testid=cards]")).containsText("Gewoon over http");
    card(chair, "Gewoon over http").locator("button[data-testid^=vote-]").click();
    assertThat(card(anna, "Gewoon over http")).containsText("1 stem");
    chair.click("[data-testid=copy-link]");
    assertThat(chair.locator("[data-testid=notice]")).containsText("gekopieerd");
  }
}
