package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A chair and three participants at 320 px, in Dutch: a round in which each finishes their turn, phase
 * changes without questions nobody needs, and a chair whose connection drops, with and without a backup.
 * The chair's takeover time is two seconds here (CHAIR_TAKEOVER_SECONDS), not the minute of production.
 */
class TurnsBrowserTest {
  static final String TAKEOVER_SECONDS = "2";

  static Browsers browsers;
  static Vertx server;
  static HttpVerticle node;

  @BeforeAll
  static void start() throws Exception {
    server = Vertx.vertx();
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1",
        "CHAIR_TAKEOVER_SECONDS", TAKEOVER_SECONDS)));
    server.deployVerticle(node).await();
    browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    server.close().await();
  }

  @BeforeEach
  void clear() {
    browsers.problems.clear();
    browsers.confirms.clear();
  }

  @AfterEach
  void noProblems() {
    assertThat(browsers.problems).as("console errors and failed requests").isEmpty();
    assertThat(browsers.alerts).isEmpty();
  }

  /** The chair and three participants, by name, in the order they came in. */
  static Map<String, Page> fourPeople(String title) {
    Page chair = browsers.person("nl-NL");
    chair.navigate("http://localhost:" + node.port() + "/");
    chair.fill("#meeting-title", title);
    chair.fill("#chair-name", "Chris");
    chair.selectOption("#method", "vijfstappenmethode");
    chair.click("[data-testid=create]");
    assertThat(chair.locator("[data-testid=phase-name]")).isVisible();
    String link = chair.locator("[data-testid=join-link]").textContent().trim();
    Map<String, Page> people = new LinkedHashMap<>();
    people.put("Chris", chair);
    for (String name : List.of("Anna", "Bert", "Cees")) {
      Page page = browsers.person("nl-NL");
      page.navigate(link);
      page.fill("#join-name", name);
      page.click("[data-testid=join]");
      assertThat(page.locator("[data-testid=phase-name]")).isVisible();
      people.put(name, page);
    }
    assertThat(chair.locator("[data-testid=people] li[data-online=true]")).hasCount(4);
    return people;
  }

  static Locator currentSpeaker(Page page) {
    return page.locator("[data-testid=current-speaker]");
  }

  @Test
  void inARoundEachFinishesTheirTurnAndNobodyGetsTheFloorTwice() {
    Map<String, Page> people = fourPeople("Ronde");
    Page chair = people.get("Chris");
    // A time per turn, visible to everyone, with each speaker's clock.
    chair.selectOption("[data-testid=turn-time-select]", "2");
    assertThat(people.get("Cees").locator("[data-testid=turn-time]")).hasText("Spreektijd per beurt: 2 minuten");
    chair.click("[data-testid=start-round]");
    assertThat(people.get("Bert").locator("[data-testid=turn-timer]")).hasText(java.util.regex.Pattern.compile("^[12]:\\d{2}$"));

    List<String> spoke = new ArrayList<>();
    for (String name : people.keySet()) {
      Page speaker = people.get(name);
      assertThat(currentSpeaker(chair)).containsText(name);
      assertThat(speaker.locator("[data-testid=your-turn]")).hasText("Jij bent aan de beurt.");
      assertThat(speaker.locator("section.my-turn")).isVisible();
      // Said to screen readers too, through the page's live region.
      assertThat(speaker.locator("#announcer")).hasText("Jij bent aan de beurt.");
      for (Map.Entry<String, Page> other : people.entrySet()) {
        if (!other.getKey().equals(name)) {
          assertThat(other.getValue().locator("[data-testid=your-turn]")).hasCount(0);
          // Waiting in a round is not a raised hand: nothing to lower.
          assertThat(other.getValue().locator("[data-testid=lower-hand]")).hasCount(0);
        }
      }
      spoke.add(name);
      if (name.equals("Anna")) {
        // A double click finishes one turn only: Bert, next in line, keeps his.
        speaker.dblclick("[data-testid=finish-turn]");
      } else {
        speaker.click("[data-testid=finish-turn]");
      }
      assertThat(speaker.locator("[data-testid=your-turn]")).hasCount(0);
    }
    assertThat(spoke).containsExactly("Chris", "Anna", "Bert", "Cees");
    for (Page page : people.values()) {
      assertThat(page.locator("[data-testid=current-speaker]")).hasCount(0);
      assertThat(page.locator("[data-testid=queue]")).hasCount(0);
      assertThat(page.locator("[data-testid=finish-turn]")).hasCount(0);
      // Finished speakers are not put back in line; they may ask for the floor again.
      assertThat(page.locator("[data-testid=raise-hand]")).isVisible();
    }
    Browsers.screenshot(people.get("Anna"), "turns-after-round-320");

    // A raised hand can be lowered; the queue is numbered for everyone.
    people.get("Bert").click("[data-testid=raise-hand]");
    people.get("Cees").click("[data-testid=raise-hand]");
    assertThat(chair.locator("[data-testid=queue] li")).hasCount(2);
    assertThat(chair.locator("[data-testid=queue] li").nth(1)).containsText("2.");
    assertThat(people.get("Cees").locator("[data-testid=my-place]")).hasText("Jij bent nummer 2 in de wachtrij.");
    assertThat(people.get("Bert").locator("[data-testid=lower-hand]")).hasText("Hand laten zakken");
    people.get("Bert").click("[data-testid=lower-hand]");
    assertThat(people.get("Cees").locator("[data-testid=my-place]")).hasText("Jij bent nummer 1 in de wachtrij.");

    // The chair reorders and skips.
    people.get("Anna").click("[data-testid=raise-hand]");
    assertThat(chair.locator("[data-testid=queue] li").nth(1)).containsText("Anna");
    chair.click("[data-testid=move-up-1]");
    assertThat(people.get("Anna").locator("[data-testid=my-place]")).hasText("Jij bent nummer 1 in de wachtrij.");
    // The chair skips whom their own screen shows first: wait until that is Anna there too.
    assertThat(chair.locator("[data-testid=queue] li").nth(0)).containsText("Anna");
    chair.click("[data-testid=skip-0]");
    assertThat(people.get("Anna").locator("[data-testid=my-place]")).hasCount(0);
    assertThat(people.get("Cees").locator("[data-testid=my-place]")).hasText("Jij bent nummer 1 in de wachtrij.");
  }

  @Test
  void someoneWhoDropsOutOfARoundIsSkippedAndNamedInWords() {
    Map<String, Page> people = fourPeople("Wegvallen");
    Page chair = people.get("Chris");
    chair.click("[data-testid=start-round]");
    Page bert = people.get("Bert");
    String bertsMeeting = bert.url();
    bert.navigate("about:blank");
    Locator away = chair.locator("[data-testid=away] li");
    assertThat(away).containsText("Bert");
    assertThat(away).containsText("offline, overgeslagen tot terug");
    assertThat(chair.locator("[data-testid=queue]")).not().containsText("Bert");
    assertThat(chair.locator("[data-testid=people] li", new Page.LocatorOptions().setHasText("Bert")))
        .containsText("offline");

    bert.navigate(bertsMeeting);
    assertThat(chair.locator("[data-testid=away]")).hasCount(0);
    assertThat(chair.locator("[data-testid=queue] li").last()).containsText("Bert");
  }

  @Test
  void phaseChangesAskNothingWhereNobodyHasSomethingToFinish() {
    Map<String, Page> people = fourPeople("Fasen");
    Page chair = people.get("Chris");
    Locator phase = chair.locator("[data-testid=phase-name]");
    int last = -1;
    // Through every phase of the method, one double click at a time: each moves on exactly one phase, also
    // when the server's answer arrives between its two clicks (a slow hand, a fast server).
    while (!chair.locator("[data-testid=next-phase]").isDisabled()) {
      int before = Integer.parseInt(phase.getAttribute("data-index"));
      assertThat(before).isGreaterThan(last);
      assertThat(chair.locator("[data-testid=done-count]")).hasCount(0);
      assertThat(people.get("Anna").locator("[data-testid=done]")).hasCount(0);
      chair.dblclick("[data-testid=next-phase]", new Page.DblclickOptions().setDelay(150));
      assertThat(phase).hasAttribute("data-index", String.valueOf(before + 1));
      assertThat(people.get("Cees").locator("[data-testid=phase-name]"))
          .hasAttribute("data-index", String.valueOf(before + 1));
      last = before;
    }
    assertThat(browsers.confirms).as("confirmations on phase changes").isEmpty();
    assertThat(chair.locator("[data-testid=notice]")).hasCount(0);

    // Where the chair asks, those who have something to finish count, and only then is moving on a question.
    chair.click("[data-testid=previous-phase]");
    chair.click("[data-testid=ask-readiness]");
    assertThat(chair.locator("[data-testid=done-count]")).hasText("0 van 3 klaar");
    assertThat(chair.locator("[data-testid=done]")).hasCount(0);
    people.get("Anna").click("[data-testid=done]");
    people.get("Bert").click("[data-testid=done]");
    assertThat(chair.locator("[data-testid=done-count]")).hasText("2 van 3 klaar");
    chair.click("[data-testid=next-phase]");
    assertThat(browsers.confirms).hasSize(1);
    assertThat(browsers.confirms.get(0)).contains("2 van 3");
  }

  @Test
  void whenTheChairDropsOutTheBackupTakesOverAndEveryoneIsTold() {
    Map<String, Page> people = fourPeople("Reserve");
    Page chair = people.get("Chris");
    // The chair is asked for a backup at the start.
    Locator prompt = chair.locator("[data-testid=backup-prompt]");
    assertThat(prompt).isVisible();
    prompt.locator("select").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Anna"));
    chair.click("[data-testid=name-backup]");
    assertThat(prompt).hasCount(0);
    assertThat(people.get("Bert").locator("[data-testid=people] li", new Page.LocatorOptions().setHasText("Anna")))
        .containsText("reserve-voorzitter");

    String meeting = chair.url();
    chair.navigate("about:blank");
    for (String name : List.of("Anna", "Bert", "Cees")) {
      Locator away = people.get(name).locator("[data-testid=chair-away]");
      assertThat(away).containsText("De voorzitter (Chris) is weg.");
    }
    for (String name : List.of("Anna", "Bert", "Cees")) {
      Page page = people.get(name);
      assertThat(page.locator("[data-testid=notice]"))
          .hasText("Chris is weg; reserve-voorzitter Anna heeft de voorzittersrol overgenomen.");
      assertThat(page.locator("[data-testid=chair-takeover]")).isVisible();
    }
    assertThat(people.get("Anna").locator("[data-testid=next-phase]")).isVisible();
    assertThat(people.get("Bert").locator("[data-testid=chair-takeover]")).hasText("Anna is voorzitter, omdat Chris weg was.");
    Browsers.screenshot(people.get("Bert"), "turns-backup-took-over-320");

    // Chris comes back; Anna gives the chair back.
    chair.navigate(meeting);
    Locator giveBack = people.get("Anna").locator("[data-testid=give-chair-back]");
    assertThat(giveBack).hasText("Geef de voorzittersrol terug aan Chris");
    giveBack.click();
    assertThat(chair.locator("[data-testid=next-phase]")).isVisible();
    assertThat(people.get("Anna").locator("[data-testid=next-phase]")).hasCount(0);
    assertThat(people.get("Cees").locator("[data-testid=chair-takeover]")).hasCount(0);
  }

  @Test
  void withoutABackupSomeoneTakesTheChairThroughTheControlAndTheOthersSeeWho() {
    Map<String, Page> people = fourPeople("Zonder reserve");
    Page chair = people.get("Chris");
    assertThat(chair.locator("[data-testid=backup-prompt]")).isVisible();
    chair.click("[data-testid=backup-later]");
    chair.navigate("about:blank");

    for (String name : List.of("Anna", "Bert", "Cees")) {
      Page page = people.get(name);
      assertThat(page.locator("[data-testid=chair-away]")).containsText("De voorzitter (Chris) is weg.");
      // After the takeover time the chair is open to anyone present, through a visible control.
      assertThat(page.locator("[data-testid=take-chair]")).hasText("Neem de voorzittersrol over");
    }
    Browsers.screenshot(people.get("Cees"), "turns-chair-open-320");
    people.get("Bert").click("[data-testid=take-chair]");

    assertThat(people.get("Bert").locator("[data-testid=next-phase]")).isVisible();
    for (String name : List.of("Anna", "Cees")) {
      Page page = people.get(name);
      assertThat(page.locator("[data-testid=take-chair]")).hasCount(0);
      assertThat(page.locator("[data-testid=notice]"))
          .hasText("Bert heeft de voorzittersrol overgenomen, omdat Chris weg was.");
      assertThat(page.locator("[data-testid=chair-takeover]")).hasText("Bert is voorzitter, omdat Chris weg was.");
    }
    assertThat(people.get("Bert").locator("[data-testid=chair-takeover]")).hasText("Jij bent voorzitter, omdat Chris weg was.");
  }
}
