package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.addCard;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.card;
import static nl.intervision.panel.browser.MeetingLifeBrowserTest.person;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.PhaseRules;
import nl.intervision.panel.domain.Speaking;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.Config;
import nl.intervision.panel.transport.http.HttpVerticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A group of four runs a whole intervision in the panel at 320 px, once per family of methods
 * (warm and cold questions, the incident method, the five steps, Balint), in Dutch and in English:
 * check-in to summary without going back a phase and without a dialog nobody asked for. The chair
 * picks the method once the case is chosen; each phase is worked as a group would work it (a round
 * where each finishes their turn, a card written, silent cards revealed after everyone is done, the
 * case-bringer rating where the phase asks for it). Checked in every phase, for each role: the same
 * phase for all, the cards the phase carries on from earlier ones, the key question pinned for all,
 * nobody with the floor twice in a round, no rating controls but the case-bringer's. At the end,
 * everyone reads a summary. Screenshots per phase and role go to target/screenshots/whole-*.
 */
class WholeMethodBrowserTest {
  /**
   * What the group writes, in the language of the run, so that any word of the other language on a
   * page is the panel's, not the group's.
   */
  record Words(String title, String question, String otherQuestion, String thought, String actionPoint, String word) {
    static Words in(Language language) {
      return language == Language.NL
          ? new Words("Intervisie", "Hoe zeg ik nee tegen mijn leidinggevende?", "Hoe houd ik grip op mijn planning?",
              "een vraag of gedachte", "Oefenen met nee zeggen", "helder")
          : new Words("Intervision", "How do I say no to my manager?", "How do I keep my planning in hand?",
              "a question or a thought", "Practise saying no", "clear");
    }
  }

  /**
   * Words that belong to one language only: seen on a page in the other language, they are a missing
   * or a wrong translation. Words both languages share (is, in, of, meeting) are not on these lists.
   */
  static final Map<Language, List<String>> ONLY_IN = Map.of(
      Language.NL, List.of("de", "het", "een", "van", "en", "je", "jij", "jouw", "niet", "voor", "naar", "wat", "bij",
          "ik", "op", "als", "ook", "nog", "dat", "die", "deze", "wie", "ieder", "iedereen", "fase", "kaart", "kaarten",
          "inbrenger", "voorzitter", "deelnemer", "deelnemers", "klaar", "stem", "stemmen", "beurt", "vraag", "vragen"),
      Language.EN, List.of("the", "and", "you", "your", "with", "to", "phase", "card", "cards", "chair",
          "case-bringer", "participant", "next", "vote", "votes", "turn", "question", "questions", "done", "everyone"));
  /** A side panel's first screen: what shows without scrolling in a meeting platform's panel on a laptop. */
  static final int FIRST_SCREEN = 720;

  static Browsers browsers;
  static Vertx server;
  static HttpVerticle node;
  static Catalogue catalogue;

  @BeforeAll
  static void start() throws Exception {
    server = Vertx.vertx();
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", "0", "HOST", "127.0.0.1")));
    server.deployVerticle(node).await();
    browsers = new Browsers();
    catalogue = CatalogueJson.load();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
    server.close().await();
  }

  @AfterEach
  void noProblems() {
    assertThat(browsers.problems).as("console errors and failed requests").isEmpty();
    assertThat(browsers.alerts).as("alerts").isEmpty();
  }

  /** One person at the meeting: their page, name and role, as the screenshots name them. */
  record Person(Page page, String name, String role) {}

  /** Every method of the catalogue, in Dutch and in English. */
  static Stream<Arguments> methodsAndLanguages() {
    String only = System.getProperty("wholeMethods", "");
    return CatalogueJson.load().methods().stream()
        .flatMap(m -> Stream.of(Arguments.of(m.id(), "nl-NL"), Arguments.of(m.id(), "en-GB")))
        .filter(a -> only.isEmpty() || List.of(only.split(",")).contains(a.get()[0] + "@" + a.get()[1]));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("methodsAndLanguages")
  void aGroupRunsTheMethodFromCheckInToASummaryForEveryone(String methodId, String locale) {
    browsers.confirms.clear();
    Method method = catalogue.method(methodId).orElseThrow();
    Language language = locale.startsWith("nl") ? Language.NL : Language.EN;
    Words words = Words.in(language);
    // Every phase and role is photographed in one language; the other gets the summary only.
    boolean photographed = language == Language.NL;
    String shot = "whole-" + methodId + "-" + language.name().toLowerCase(java.util.Locale.ROOT);
    Agenda agenda = catalogue.agenda(method);

    Page chairPage = browsers.person(locale);
    chairPage.navigate("http://localhost:" + node.port() + "/");
    chairPage.fill("#meeting-title", words.title() + " " + methodId);
    chairPage.fill("#chair-name", "Chris");
    // Started with another method: the chair settles on this one once the case is known.
    chairPage.selectOption("#method", methodId.equals("vijfstappenmethode") ? "adviesmethode" : "vijfstappenmethode");
    chairPage.click("[data-testid=create]");
    assertThat(chairPage.locator("[data-testid=phase-name]")).isVisible();
    String link = chairPage.locator("[data-testid=join-link]").textContent().trim();
    Person chair = new Person(chairPage, "Chris", "chair");
    Person anna = new Person(joins(link, locale, "Anna"), "Anna", "case-bringer");
    Person bert = new Person(joins(link, locale, "Bert"), "Bert", "participant");
    Person dana = new Person(joins(link, locale, "Dana"), "Dana", "participant-2");
    List<Person> everyone = List.of(chair, anna, bert, dana);
    // Participants do not get the invitation unless the chair opens it.
    assertThat(bert.page().locator("[data-testid=join-code]")).hasCount(0);

    Map<String, String> written = new LinkedHashMap<>();
    String keyQuestion = null;
    String actionPoint = null;
    String caseRecord = null;
    boolean evaluated = false;
    for (int index = 0; index < agenda.size(); index++) {
      Phase phase = agenda.phase(index);
      for (Person person : everyone) {
        assertThat(person.page().locator("[data-testid=phase-name]")).hasAttribute("data-index", String.valueOf(index));
        assertThat(person.page().locator("[data-testid=phase-name]")).hasText(phase.name().in(language));
      }
      if (index == agenda.opening().size()) {
        firstScreen(chair, bert);
      }
      if (phase.speaking() == Speaking.ROUND) {
        roundOfFinishedTurns(chair, everyone);
      } else if (phase.speaking() == Speaking.FREE) {
        handsRaised(chair, anna, List.of(bert, dana), PhaseRules.caseBringerListens(phase, agenda.part(index)));
      }

      List<String> kinds = phase.cards();
      if (kinds.contains(CardKind.LEARNING_QUESTION)) {
        addCard(anna.page(), words.question());
        addCard(bert.page(), words.otherQuestion());
        card(chair.page(), words.question()).locator("button[data-testid^=choose-]").click();
        assertThat(person(bert.page(), "Anna")).containsText(language == Language.NL ? "inbrenger" : "case-bringer");
        chooseMethod(chair.page(), methodId, method.name().in(language), everyone);
      } else if (kinds.contains(CardKind.ACTION_POINT) && actionPoint == null) {
        actionPoint = words.actionPoint() + " (" + phase.id() + ")";
        if (anna.page().locator("#card-kind").count() > 0) {
          anna.page().selectOption("#card-kind", CardKind.ACTION_POINT);
        }
        anna.page().fill("[data-testid=card-text]", actionPoint);
        anna.page().click("[data-testid=add-card]");
        assertThat(chair.page().locator("[data-testid=action-points]")).containsText(actionPoint);
        assertThat(dana.page().locator("[data-testid=action-points]")).containsText(actionPoint);
      } else if (!kinds.isEmpty() && !kinds.get(0).equals(CardKind.ACTION_POINT)) {
        String text = phase.id() + ": " + words.thought();
        // In the case-bringer's own phase it is they who put their words on the board.
        Person writer = phase.speaking() == Speaking.CASE_BRINGER && anna.page().locator("[data-testid=card-text]").count() > 0
            ? anna : bert;
        addCard(writer.page(), text);
        written.put(phase.id(), text);
        if (caseRecord == null && agenda.part(index) == Agenda.Part.METHOD) {
          caseRecord = text;
        }
        if (phase.silent()) {
          // Written in silence: the others see that someone wrote, not what, until the chair reveals it.
          assertThat(dana.page().locator("[data-testid=writing-progress]")).isVisible();
          assertThat(dana.page().locator("main")).not().containsText(text);
          everyoneSaysDone(everyone);
          chair.page().click("[data-testid=reveal]");
        }
        assertThat(card(dana.page(), text)).isVisible();
        if (phase.anonymous()) {
          assertThat(card(dana.page(), text)).not().containsText(writer.name());
        }
      }

      // What this phase works on from earlier phases is on everyone's board, with what it gathered.
      for (String shownPhase : agenda.shownIn(index)) {
        String text = written.get(shownPhase);
        if (text != null) {
          for (Person person : everyone) {
            assertThat(card(person.page(), text)).isVisible();
          }
        }
      }
      if (phase.rates() && keyQuestion == null) {
        keyQuestion = ratedByTheCaseBringer(anna, agenda, index, written);
      }
      answeredByTheCaseBringer(anna, dana, agenda, index, written);
      for (Person person : everyone) {
        if (person != anna) {
          assertThat(person.page().locator("[data-testid=cards] button[data-testid^=rate-]")).hasCount(0);
        }
        if (keyQuestion != null) {
          assertThat(person.page().locator("[data-testid=key-question]")).containsText(keyQuestion);
        }
        assertThat(fewActionsPerCard(person)).as("%s's buttons per card in %s", person.name(), phase.id()).isTrue();
        assertThat(otherLanguage(person.page(), language)).as("%s's page in %s", person.name(), phase.id()).isEmpty();
      }

      if (!evaluated && bert.page().locator("[data-testid=evaluation-score]").count() > 0) {
        evaluate(everyone, words.word());
        evaluated = true;
      }
      for (Person person : photographed ? List.of(chair, anna, bert) : List.<Person>of()) {
        Browsers.screenshot(person.page(), shot + "-" + String.format("%02d", index) + "-" + person.role());
      }
      assertThat(browsers.confirms).as("dialogs nobody asked for, up to %s", phase.id()).isEmpty();
      if (index < agenda.size() - 1) {
        next(chair, everyone);
      }
    }
    assertThat(evaluated).as("the closing takes everyone's evaluation").isTrue();
    assertThat(actionPoint).as("the agenda collects action points").isNotNull();

    wideScreen(dana);
    chair.page().locator("[data-testid=end-choice] summary").click();
    chair.page().click("[data-testid=end-meeting]");
    for (Person person : everyone) {
      Locator summary = person.page().locator("[data-testid=summary]");
      assertThat(summary).containsText(words.question());
      assertThat(summary.locator("[data-testid=summary-attendees]")).containsText("Dana");
      assertThat(summary.locator("[data-testid=summary-points]")).containsText(actionPoint);
      assertThat(summary.locator("[data-testid=summary-owner]")).hasText("Anna");
      assertThat(summary.locator("[data-testid=summary-evaluations] li")).hasCount(4);
      if (keyQuestion != null) {
        assertThat(summary).containsText(keyQuestion);
      }
    }
    // The case record is the chair's and the case-bringer's; the others get what the group shares.
    if (caseRecord != null && !caseRecord.equals(keyQuestion)) {
      assertThat(chair.page().locator("[data-testid=summary]")).containsText(caseRecord);
      assertThat(anna.page().locator("[data-testid=summary]")).containsText(caseRecord);
      assertThat(dana.page().locator("[data-testid=summary]")).not().containsText(caseRecord);
    }
    for (Person person : everyone) {
      assertThat(otherLanguage(person.page(), language)).as("%s's summary", person.name()).isEmpty();
    }
    for (Person person : List.of(chair, anna, bert)) {
      Browsers.screenshot(person.page(), shot + "-summary-" + person.role());
    }
    assertThat(browsers.confirms).as("only the end was asked about").hasSize(1);
    for (Person person : everyone) {
      person.page().context().close();
    }
  }

  static Page joins(String link, String locale, String name) {
    Page page = browsers.person(locale);
    page.navigate(link);
    assertThat(page.locator("[data-testid=invitation]")).containsText("Chris");
    page.fill("#join-name", name);
    page.click("[data-testid=join]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    return page;
  }

  static void next(Person chair, List<Person> everyone) {
    String index = chair.page().locator("[data-testid=phase-name]").getAttribute("data-index");
    chair.page().click("[data-testid=next-phase]");
    String now = String.valueOf(Integer.parseInt(index) + 1);
    for (Person person : everyone) {
      assertThat(person.page().locator("[data-testid=phase-name]")).hasAttribute("data-index", now);
    }
  }

  /** Each in turn says they are done speaking; the floor goes on and nobody has it twice. */
  static void roundOfFinishedTurns(Person chair, List<Person> everyone) {
    Set<String> spoke = new HashSet<>();
    if (chair.page().locator("[data-testid=current-speaker]").count() == 0) {
      // The meeting's first phase began before anyone joined: the chair starts its round.
      chair.page().click("[data-testid=start-round]");
      assertThat(chair.page().locator("[data-testid=current-speaker]")).isVisible();
    }
    for (int turn = 0; turn < everyone.size() + 2; turn++) {
      Locator current = chair.page().locator("[data-testid=current-speaker] strong");
      if (current.count() == 0) {
        break;
      }
      String said = current.textContent().trim();
      Person speaker = everyone.stream().filter(p -> said.endsWith(p.name())).findFirst().orElseThrow();
      assertThat(spoke.add(speaker.name())).as("%s has the floor a second time", speaker.name()).isTrue();
      assertThat(speaker.page().locator("[data-testid=your-turn]")).isVisible();
      speaker.page().click("[data-testid=finish-turn]");
      assertThat(speaker.page().locator("[data-testid=your-turn]")).hasCount(0);
      assertThat(chair.page().locator("[data-testid=speaking]")).not().containsText(said);
    }
    assertThat(spoke).as("a round goes round").hasSizeGreaterThanOrEqualTo(2);
  }

  static void chooseMethod(Page chair, String methodId, String name, List<Person> everyone) {
    // Once the case is chosen the agenda unfolds for the chair by itself: the method is picked now.
    assertThat(chair.locator("[data-testid=agenda]")).hasAttribute("open", "");
    chair.selectOption("#agenda-method", methodId);
    chair.click("[data-testid=pick-method]");
    for (Person person : everyone) {
      assertThat(person.page().locator("[data-testid=agenda-method]")).hasText(name);
    }
  }

  /**
   * A free conversation: those who want to say something raise a hand, the chair gives the floor, and
   * each says their piece once. Where the case-bringer listens, they have no hand to raise.
   */
  static void handsRaised(Person chair, Person caseBringer, List<Person> group, boolean caseBringerListens) {
    assertThat(caseBringer.page().locator("[data-testid=raise-hand]")).hasCount(caseBringerListens ? 0 : 1);
    for (Person person : group) {
      person.page().click("[data-testid=raise-hand]");
      assertThat(person.page().locator("[data-testid=lower-hand]")).isVisible();
    }
    Set<String> spoke = new HashSet<>();
    for (int turn = 0; turn < group.size() + 2 && spoke.size() < group.size(); turn++) {
      Locator current = chair.page().locator("[data-testid=current-speaker] strong");
      if (current.count() == 0) {
        chair.page().click("[data-testid=next-speaker]");
        assertThat(current).isVisible();
      }
      String said = current.textContent().trim();
      Person speaker = group.stream().filter(p -> said.endsWith(p.name())).findFirst().orElseThrow();
      assertThat(spoke.add(speaker.name())).as("%s has the floor a second time", speaker.name()).isTrue();
      assertThat(speaker.page().locator("[data-testid=your-turn]")).isVisible();
      speaker.page().click("[data-testid=finish-turn]");
      assertThat(speaker.page().locator("[data-testid=your-turn]")).hasCount(0);
      assertThat(chair.page().locator("[data-testid=speaking]")).not().containsText(said);
    }
    assertThat(spoke).as("everyone with a raised hand had the floor").hasSize(group.size());
  }

  /**
   * Where the case-bringer answers the group's questions, they mark the first one on the board
   * answered, and everyone sees it is.
   */
  static void answeredByTheCaseBringer(Person caseBringer, Person other, Agenda agenda, int index,
      Map<String, String> written) {
    for (String shown : agenda.shownIn(index)) {
      String text = written.get(shown);
      if (text == null) {
        continue;
      }
      Locator answer = card(caseBringer.page(), text).locator("button[data-testid^=answered-]");
      if (answer.count() > 0 && !"true".equals(answer.getAttribute("aria-pressed"))) {
        answer.click();
        assertThat(answer).hasAttribute("aria-pressed", "true");
        assertThat(card(other.page(), text)).containsText("✓");
        return;
      }
    }
  }

  static void everyoneSaysDone(List<Person> everyone) {
    for (Person person : everyone) {
      Locator done = person.page().locator("[data-testid=done]");
      if (done.count() > 0 && !"true".equals(done.getAttribute("aria-pressed"))) {
        done.click();
        assertThat(done).hasAttribute("aria-pressed", "true");
      }
    }
  }

  /**
   * The case-bringer rates the first card the phase shows warm and makes it the key question; everyone
   * sees the rating by its sign and the key question pinned.
   */
  static String ratedByTheCaseBringer(Person caseBringer, Agenda agenda, int index, Map<String, String> written) {
    String text = agenda.shownIn(index).stream().map(written::get).filter(t -> t != null).findFirst().orElse(null);
    if (text == null) {
      return null;
    }
    Locator card = card(caseBringer.page(), text);
    card.locator("button[data-testid^=rate-warm-]").click();
    assertThat(card).hasAttribute("data-rating", "warm");
    card.locator("button[data-testid^=key-]").click();
    assertThat(card).hasAttribute("data-key", "true");
    return text;
  }

  static void evaluate(List<Person> everyone, String word) {
    int score = 6;
    for (Person person : everyone) {
      person.page().fill("[data-testid=evaluation-score]", String.valueOf(score++));
      person.page().fill("[data-testid=evaluation-word]", word);
      person.page().click("[data-testid=give-evaluation]");
    }
    assertThat(everyone.get(0).page().locator("[data-testid=evaluations] li")).hasCount(everyone.size());
  }

  /** At most a row of buttons on a card: the vote, and what the role does there; the rest is in the card's menu. */
  static boolean fewActionsPerCard(Person person) {
    // The case-bringer where they rate: vote, three ratings, key question, answered.
    int most = person.role().equals("case-bringer") ? 6 : 3;
    // Counted in the page in one go: a round trip per card and role in every phase adds up over 20 runs.
    Object widest = person.page().evaluate("""
        () => Math.max(0, ...[...document.querySelectorAll('[data-testid=cards] > li')].map((li) =>
          [...li.querySelectorAll(':scope .row > button, :scope .row > details > summary')]
            .filter((e) => e.checkVisibility()).length))""");
    return ((Number) widest).intValue() <= most;
  }

  /**
   * The words on the page, as a person reads them, that belong only to the other language, each with
   * a little of the text around it.
   */
  @SuppressWarnings("unchecked")
  static List<String> otherLanguage(Page page, Language language) {
    Language other = language == Language.NL ? Language.EN : Language.NL;
    return (List<String>) page.evaluate("""
        (words) => {
          const text = document.body.innerText;
          const found = [];
          for (const word of words) {
            const match = new RegExp(`(^|[^\\\\p{L}-])${word}(?![\\\\p{L}-])`, 'iu').exec(text);
            if (match) {
              found.push(`${word}: …${text.slice(Math.max(0, match.index - 30), match.index + word.length + 30)}…`);
            }
          }
          return found;
        }""", ONLY_IN.get(other));
  }

  /** At 320 px the controls each role uses most are on the first screen. */
  static void firstScreen(Person chair, Person participant) {
    BoundingBox next = chair.page().locator("[data-testid=next-phase]").boundingBox();
    assertThat(next.y + next.height).as("the chair's next-phase button").isLessThanOrEqualTo(FIRST_SCREEN);
    Locator speaking = participant.page().locator("[data-testid=speaking]");
    BoundingBox speakingBox = speaking.boundingBox();
    assertThat(speakingBox.y).as("the speaking order starts on a participant's first screen").isLessThan(FIRST_SCREEN);
  }

  /** On a meeting stage or a shared screen the board stands beside the rest, its cards side by side. */
  static void wideScreen(Person person) {
    person.page().setViewportSize(1280, 800);
    BoundingBox board = person.page().locator("section.board").boundingBox();
    BoundingBox phase = person.page().locator("section.phase").boundingBox();
    assertThat(board.x).as("the board beside the phase").isGreaterThan(phase.x + phase.width - 1);
    Browsers.screenshot(person.page(), "whole-wide-1280");
    person.page().setViewportSize(Browsers.PANEL_WIDTH, 900);
  }
}
