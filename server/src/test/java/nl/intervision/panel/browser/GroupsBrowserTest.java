package nl.intervision.panel.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Issue 14's "done when", as four people live it at 320 px: a group is started, three join by its
 * link, the suggested chair runs its first meeting to an action point, a member puts a case forward and
 * writes a learning point, and the second meeting starts from all of it (another chair suggested, the
 * queued case on the agenda, last time's action point to look back on, the learning point shown to its
 * owner). The register then shows both meetings and downloads as CSV.
 */
class GroupsBrowserTest {
  static Browsers browsers;
  static Vertx server;
  static HttpVerticle node;
  /** Problems a test expects (a refusal it provokes on purpose), by a part of their text. */
  final List<String> expectedProblems = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = Vertx.vertx();
    // A known port, so PUBLIC_URL is right: the printable register links its stylesheet from there.
    node = new HttpVerticle(Config.fromEnv(Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1",
        "PUBLIC_URL", "http://localhost:" + port,
        "JITSI_APP_ID", "browser-test", "JITSI_SECRET", PanelBrowserTest.JITSI_SECRET)));
    server.deployVerticle(node).await();
    browsers = new Browsers();
  }

  @AfterAll
  static void stop() throws Exception {
    browsers.close();
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

  static Page startsGroup(String language, String group, String name) {
    Page page = browsers.person(language);
    page.navigate(base());
    page.click("[data-testid=start-group-open]");
    page.fill("#group-name", group);
    page.selectOption("#group-method", "vijfstappenmethode");
    page.fill("#group-minutes", "180");
    page.fill("#group-creator", name);
    page.click("[data-testid=create-group]");
    assertThat(page.locator("[data-testid=group-name]")).hasText(group);
    return page;
  }

  static Page joinsGroup(String link, String language, String name) {
    Page page = browsers.person(language);
    page.navigate(link);
    page.fill("#group-join-name", name);
    page.click("[data-testid=join-group]");
    assertThat(page.locator("[data-testid=group-page]")).isVisible();
    assertThat(page.locator("[data-testid=members]")).containsText(name);
    return page;
  }

  /** One tap on the group's page into one's seat in the meeting running now. */
  static void takesSeat(Page page, int caseNumber) {
    page.reload();
    page.click("[data-testid=take-seat-" + caseNumber + "]");
    assertThat(page.locator("[data-testid=phase-name]")).isVisible();
    assertThat(page.locator("[data-testid=connection]")).hasAttribute("data-state", "online");
  }

  static String phase(Page page) {
    return page.locator("[data-testid=phase-name]").getAttribute("data-index");
  }

  static void next(Page chair, List<Page> everyone) {
    String index = phase(chair);
    chair.click("[data-testid=next-phase]");
    assertThat(chair.locator("[data-testid=phase-name]")).not().hasAttribute("data-index", index);
    String now = phase(chair);
    for (Page other : everyone) {
      assertThat(other.locator("[data-testid=phase-name]")).hasAttribute("data-index", now);
    }
  }

  static Locator card(Page page, String text) {
    return page.locator("[data-testid=card]", new Page.LocatorOptions().setHasText(text));
  }

  static String memberId(Page page, String name) {
    return page.locator("[data-testid=members] li", new Page.LocatorOptions().setHasText(name)).getAttribute("data-member-id");
  }

  static void ends(Page chair, List<Page> everyone) {
    chair.click("[data-testid=end-choice] > summary");
    chair.click("[data-testid=end-meeting]");
    for (Page page : everyone) {
      assertThat(page.locator("[data-testid=ended]")).isVisible();
    }
  }

  @Test
  void aGroupRunsItsSecondMeetingFromWhatTheFirstLeftAndKeepsItsRegister() throws Exception {
    Page anna = startsGroup("nl-NL", "Griffiers Oost", "Anna");
    String group = groupId(anna);
    String link = anna.locator("[data-testid=group-join-link]").textContent().trim();
    assertThat(link).contains("#/group-join/" + group + "/");
    Browsers.screenshot(anna, "group-new-320");
    Page bert = joinsGroup(link, "nl-NL", "Bert");
    Page carla = joinsGroup(link, "en-GB", "Carla");
    Page dirk = joinsGroup(link, "nl-NL", "Dirk");
    List<Page> all = List.of(anna, bert, carla, dirk);
    anna.reload();
    assertThat(anna.locator("[data-testid=members] li")).hasCount(4);
    // The start page of this device lists the group.
    Page annasStart = anna.context().newPage();
    annasStart.navigate(base());
    assertThat(annasStart.locator("[data-testid=my-group]")).hasText("Griffiers Oost");
    annasStart.close();

    // The first meeting: Anna, who joined first and never chaired, is suggested, and says so.
    String annasId = memberId(anna, "Anna");
    assertThat(anna.locator("[data-testid=next-chair]")).hasValue(annasId);
    assertThat(anna.locator("[data-testid=suggested-chair]")).containsText("Anna");
    anna.click("[data-testid=start-group-meeting]");
    assertThat(anna.locator("[data-testid=running-meeting]")).isVisible();
    for (Page page : all) {
      takesSeat(page, 1);
    }
    assertThat(anna.locator("[data-testid=next-phase]")).isVisible();
    assertThat(bert.locator("[data-testid=next-phase]")).hasCount(0);
    assertThat(anna.locator("[data-testid=people] li")).hasCount(4);
    assertThat(carla.locator("[data-testid=back-to-group]")).containsText("Griffiers Oost");

    // Bert's learning question becomes the case; Carla takes an action point on; the meeting ends.
    // The frame's third phase collects the learning questions (the second looks back, with nothing to look back on yet).
    while (!phase(anna).equals("2")) {
      next(anna, all);
    }
    String question = "Hoe zeg ik nee tegen de wethouder?";
    bert.fill("[data-testid=card-text]", question);
    bert.click("[data-testid=add-card]");
    boolean chosen = false;
    boolean pointTaken = false;
    while (!anna.locator("[data-testid=next-phase]").isDisabled()) {
      next(anna, all);
      if (!chosen && card(anna, question).locator("button[data-testid^=choose-]").count() > 0) {
        card(anna, question).locator("button[data-testid^=choose-]").click();
        chosen = true;
      }
      if (!pointTaken && carla.locator("#card-owner").count() > 0) {
        carla.fill("[data-testid=card-text]", "Practise saying no, once a week");
        carla.click("[data-testid=add-card]");
        assertThat(anna.locator("[data-testid=action-point]")).containsText("Practise saying no, once a week");
        assertThat(anna.locator("[data-testid=point-owner]")).containsText("Carla");
        pointTaken = true;
      }
    }
    assertThat(chosen).as("the chair chose the case").isTrue();
    assertThat(pointTaken).as("an action point was taken on").isTrue();
    ends(anna, all);

    // Between the meetings: Carla writes a learning point, kept to herself; Dirk puts an urgent case forward.
    carla.click("[data-testid=back-to-group]");
    assertThat(carla.locator("[data-testid=group-name]")).hasText("Griffiers Oost");
    carla.fill("[data-testid=learning-text]", "Say what I need before I say yes");
    carla.click("[data-testid=write-learning]");
    assertThat(carla.locator("[data-testid=my-learning-points]")).containsText("Say what I need before I say yes");
    assertThat(carla.locator("[data-testid=my-action-points]")).containsText("Practise saying no, once a week");
    // Carla opens her seat in the group on her phone: the same member there, learning point and all.
    carla.click("[data-testid=group-my-devices]");
    String deviceLink = carla.locator("[data-testid=group-device-link]").textContent().trim();
    assertThat(deviceLink).contains("#/group-device/" + group + "/");
    Page phone = browsers.person("en-GB");
    phone.navigate(deviceLink);
    assertThat(phone.locator("[data-testid=members]")).containsText("Carla (you)");
    assertThat(phone.locator("[data-testid=my-learning-points]")).containsText("Say what I need before I say yes");
    assertThat(phone.url()).doesNotContain("/group-device/");
    phone.context().close();
    dirk.navigate(base() + "#/g/" + group);
    dirk.fill("[data-testid=case-title]", "Grenzen stellen bij de raad");
    dirk.fill("[data-testid=case-note]", "Het loopt uit de hand.");
    dirk.check("[data-testid=case-urgent]");
    dirk.click("[data-testid=queue-case]");
    assertThat(dirk.locator("[data-testid=queued-case]")).containsText("Grenzen stellen bij de raad");
    anna.navigate(base() + "#/g/" + group);
    anna.fill("[data-testid=case-title]", "Werkdruk in december");
    anna.click("[data-testid=queue-case]");
    assertThat(anna.locator("[data-testid=queued-case]")).hasCount(2);

    // The second meeting: Bert is suggested now (Anna chaired last time), and Dirk's case is picked.
    bert.navigate(base() + "#/g/" + group);
    assertThat(bert.locator("[data-testid=group-meetings] [data-testid=group-meeting]")).hasCount(1);
    String bertsId = memberId(bert, "Bert");
    assertThat(bert.locator("[data-testid=next-chair]")).hasValue(bertsId);
    assertThat(bert.locator("[data-testid=suggested-chair]")).containsText("Bert");
    Locator dirksCase = bert.locator("[data-testid=queued-case]", new Page.LocatorOptions().setHasText("Grenzen stellen"));
    Locator annasCase = bert.locator("[data-testid=queued-case]", new Page.LocatorOptions().setHasText("Werkdruk"));
    // The queue puts urgent cases first.
    assertThat(bert.locator("[data-testid=queued-case]").first()).containsText("Grenzen stellen");
    bert.check("[data-testid=pick-case-" + dirksCase.getAttribute("data-case-id") + "]");
    bert.check("[data-testid=pick-case-" + annasCase.getAttribute("data-case-id") + "]");
    Browsers.screenshot(bert, "group-next-meeting-320");
    bert.click("[data-testid=start-group-meeting]");
    assertThat(bert.locator("[data-testid=running-meeting]")).containsText("Grenzen stellen bij de raad");
    for (Page page : all) {
      takesSeat(page, 1);
    }
    assertThat(bert.locator("[data-testid=next-phase]")).isVisible();
    assertThat(anna.locator("[data-testid=next-phase]")).hasCount(0);
    // Dirk's case is on this meeting's agenda, and Dirk, who put it forward, brings it: taking his seat
    // made him the case-bringer, with no tap by the chair.
    assertThat(carla.locator("[data-testid=group-case]")).containsText("Grenzen stellen bij de raad");
    assertThat(anna.locator("[data-testid=people] li", new Page.LocatorOptions().setHasText("Dirk"))).containsText("inbrenger");
    assertThat(bert.locator("[data-testid=make-case-bringer]")).hasCount(0);

    // The look-back: last time's action point, with Carla as its owner; Carla marks it done, and sees
    // her learning point there (nobody else does) and notes her progress.
    while (carla.locator("section[data-testid=carried]").count() == 0 && !bert.locator("[data-testid=next-phase]").isDisabled()) {
      next(bert, all);
    }
    Locator carried = carla.locator("[data-testid=carried-point]", new Page.LocatorOptions().setHasText("Practise saying no"));
    assertThat(carried.locator("[data-testid=carried-owner]")).containsText("Carla");
    String carriedId = carried.getAttribute("data-point-id");
    carla.click("[data-testid=carried-done-" + carriedId + "]");
    assertThat(bert.locator("[data-point-id='" + carriedId + "'] [data-testid=carried-status]")).hasText("gedaan");
    Locator learning = carla.locator("[data-testid=meeting-learning-point]");
    assertThat(learning).containsText("Say what I need before I say yes");
    assertThat(anna.locator("[data-testid=meeting-learning]")).not().containsText("Say what I need");
    String learningId = learning.getAttribute("data-point-id");
    carla.fill("[data-testid=mnote-" + learningId + "]", "Did it twice this month");
    carla.click("[data-testid=madd-note-" + learningId + "]");
    assertThat(learning.locator("[data-testid=learning-notes]")).containsText("Did it twice this month");
    Browsers.screenshot(carla, "group-look-back-320");

    // F5 in the meeting: everyone is back in their seat, in the same phase.
    String lookBack = phase(bert);
    LocatorAssertions.IsVisibleOptions soon = new LocatorAssertions.IsVisibleOptions().setTimeout(3_000);
    for (Page page : all) {
      page.reload();
      assertThat(page.locator("[data-testid=phase-name]")).isVisible(soon);
      assertThat(page.locator("[data-testid=phase-name]")).hasAttribute("data-index", lookBack);
    }
    assertThat(bert.locator("[data-testid=next-phase]")).isVisible();

    // On to the end.
    while (!bert.locator("[data-testid=next-phase]").isDisabled()) {
      next(bert, all);
    }
    ends(bert, all);

    // The group meeting's second case is one tap away for everyone; its chair ends it at once.
    for (Page page : all) {
      assertThat(page.locator("[data-testid=next-case]")).containsText("Werkdruk in december");
      page.click("[data-testid=go-next-case]");
      assertThat(page.locator("[data-testid=phase-name]")).hasAttribute("data-index", "0");
    }
    assertThat(bert.locator("[data-testid=people] li")).hasCount(4);
    ends(bert, all);

    // The register: both meetings, and the CSV has both.
    for (Page page : all) {
      page.navigate(base() + "#/g/" + group);
    }
    // Bert chaired the latest meeting: he sees everyone's rows; Carla sees her own.
    assertThat(bert.locator("[data-testid=group-meetings] [data-testid=group-meeting]")).hasCount(2);
    // A case's title stays in its meeting (only points and the register carry over); whose case it was stays.
    assertThat(bert.locator("[data-testid=group-meeting]").first()).containsText("Casus 1: casus van Dirk");
    assertThat(bert.locator("[data-testid=register-rows] tbody tr")).hasCount(8);
    assertThat(carla.locator("[data-testid=register-rows] tbody tr")).hasCount(2);
    assertThat(carla.locator("[data-testid=register-rows]")).not().containsText("Dirk");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Download download = bert.waitForDownload(() -> bert.click("[data-testid=register-csv]"));
    assertThat(download.suggestedFilename()).endsWith(".csv");
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(csv.lines().filter(line -> line.contains(today) && line.contains("Carla")).count()).isEqualTo(2);
    assertThat(csv.lines().filter(line -> line.contains(today) && line.contains("Dirk")).count()).isEqualTo(2);
    Page printable = bert.context().waitForPage(() -> bert.click("[data-testid=register-print]"));
    assertThat(printable.locator("body")).containsText("Griffiers Oost");
    printable.close();
    // Carla's action point is settled (done), so it no longer waits.
    assertThat(carla.locator("[data-testid=group-action-points]")).not().containsText("Practise saying no");
    assertThat(carla.locator("[data-testid=my-learning-points] [data-testid=learning-notes]")).containsText("Did it twice this month");

    // F5 on the group's page: everyone stays where they were.
    for (Page page : all) {
      page.reload();
      assertThat(page.locator("[data-testid=group-name]")).hasText("Griffiers Oost");
    }
    Browsers.screenshot(bert, "group-page-320");
    bert.setViewportSize(1280, 900);
    Browsers.screenshot(bert, "group-page-wide");
    bert.setViewportSize(Browsers.PANEL_WIDTH, 900);
  }

  static String groupId(Page page) {
    return page.locator("[data-testid=group-page]").getAttribute("data-group-id");
  }

  @Test
  void aMemberWhoLinkedTheirSignInIsKnownOnANewDeviceInsideThePlatformUntilTheyForgetIt() {
    Page anna = startsGroup("en-GB", "Raad Zuid", "Anna");
    String group = groupId(anna);
    Page bert = joinsGroup(anna.locator("[data-testid=group-join-link]").textContent().trim(), "en-GB", "Bert");
    // Beside Jitsi the page has no SDK to ask for a proof, so Bert's device sends the call its link button sends.
    Object status = bert.evaluate("async ([g, proof]) => { const mine = JSON.parse(localStorage.getItem('ivp.groups'))"
        + ".find((x) => x.groupId === g); const r = await fetch(`/api/groups/${g}/accounts/jitsi`, { method: 'PUT',"
        + " headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${mine.token}` },"
        + " body: JSON.stringify({ token: proof }) }); return r.status; }",
        List.of(group, PanelBrowserTest.jitsiToken("any-room", "jitsi-bert", "Bert", false)));
    assertThat(status).isEqualTo(200);

    // A new laptop: Bert opens the panel beside a Jitsi meeting, then the group's page, and is himself there.
    Page laptop = browsers.person("en-GB");
    laptop.navigate(base() + "?host=jitsi#/platform/jitsi/weekly/" + PanelBrowserTest.jitsiToken("weekly", "jitsi-bert", "Bert", false));
    assertThat(laptop.locator("[data-testid=phase-name]")).isVisible();
    laptop.navigate(base() + "?host=jitsi#/g/" + group);
    assertThat(laptop.locator("[data-testid=group-name]")).hasText("Raad Zuid");
    assertThat(laptop.locator("[data-testid=members]")).containsText("Bert (you)");
    laptop.reload();
    assertThat(laptop.locator("[data-testid=members]")).containsText("Bert (you)");
    laptop.click("[data-testid=group-my-devices]");
    assertThat(laptop.locator("[data-testid=group-sign-ins]")).containsText("Linked: Jitsi");
    // Anna sees nothing of Bert's link.
    anna.reload();
    anna.click("[data-testid=group-my-devices]");
    assertThat(anna.locator("[data-testid=group-sign-ins]")).hasCount(0);

    laptop.click("[data-testid=forget-sign-in-jitsi]");
    assertThat(laptop.locator("[data-testid=group-sign-ins]")).hasCount(0);
    // After forgetting, another new device beside Jitsi no longer finds the group.
    Page tablet = browsers.person("en-GB");
    tablet.navigate(base() + "?host=jitsi#/platform/jitsi/weekly/" + PanelBrowserTest.jitsiToken("weekly", "jitsi-bert", "Bert", false));
    assertThat(tablet.locator("[data-testid=phase-name]")).isVisible();
    tablet.navigate(base() + "?host=jitsi#/g/" + group);
    assertThat(tablet.locator("[data-testid=not-in-group]")).isVisible();
  }

  @Test
  void aNamedFacilitatorReadsWhatIsSharedWithThemKeepsTheWholeRegisterAndCorrectsIt() {
    Page anna = startsGroup("en-GB", "Begeleid", "Anna");
    String group = groupId(anna);
    String link = anna.locator("[data-testid=group-join-link]").textContent().trim();
    Page femke = joinsGroup(link, "en-GB", "Femke");
    Page bert = joinsGroup(link, "en-GB", "Bert");

    // Anna, who started the group, names Femke its facilitator.
    anna.reload();
    anna.selectOption("[data-testid=role-member-select]", memberId(anna, "Femke"));
    anna.click("[data-testid=set-role]");
    assertThat(anna.locator("[data-testid=members] li", new Page.LocatorOptions().setHasText("Femke")))
        .containsText("facilitator");
    assertThat(anna.locator("[data-testid=members] li", new Page.LocatorOptions().setHasText("Anna")))
        .not().containsText("facilitator");

    // Bert writes one learning point for the facilitator and one for himself.
    bert.reload();
    bert.fill("[data-testid=learning-text]", "Listen before I advise");
    bert.selectOption("[data-testid=learning-sharing]", "facilitator");
    bert.click("[data-testid=write-learning]");
    assertThat(bert.locator("[data-testid=my-learning-points]")).containsText("Listen before I advise");
    // The next point starts private again, whatever the last one was shared with.
    assertThat(bert.locator("[data-testid=learning-sharing]")).hasValue("private");
    bert.fill("[data-testid=learning-text]", "Sleep more");
    bert.click("[data-testid=write-learning]");
    assertThat(bert.locator("[data-testid=my-learning-point]")).hasCount(2);
    femke.reload();
    assertThat(femke.locator("[data-testid=shared-learning-points]")).containsText("Listen before I advise");
    assertThat(femke.locator("[data-testid=learning-points]")).not().containsText("Sleep more");
    anna.reload();
    assertThat(anna.locator("[data-testid=learning-points]")).not().containsText("Listen before I advise");

    // Bert shares it with the whole group: Anna reads it. Then he deletes it: nobody does.
    Locator point = bert.locator("[data-testid=my-learning-point]", new Page.LocatorOptions().setHasText("Listen"));
    String pointId = point.getAttribute("data-point-id");
    bert.selectOption("[data-testid=share-" + pointId + "]", "group");
    assertThat(point.locator(".card-meta")).containsText("the group");
    anna.reload();
    assertThat(anna.locator("[data-testid=shared-learning-points]")).containsText("Listen before I advise");
    bert.click("[data-testid=delete-learning-" + pointId + "]");
    assertThat(bert.locator("[data-testid=my-learning-point]")).hasCount(1);
    femke.reload();
    assertThat(femke.locator("[data-testid=learning-points]")).not().containsText("Listen before I advise");

    // A short meeting that Anna chairs and Bert attends; the facilitator is not suggested to chair.
    anna.reload();
    assertThat(anna.locator("[data-testid=next-chair] option", new Page.LocatorOptions().setHasText("Femke"))).hasCount(0);
    anna.click("[data-testid=start-group-meeting]");
    takesSeat(anna, 1);
    takesSeat(bert, 1);
    ends(anna, List.of(anna, bert));

    // The register: the facilitator keeps everyone's rows, Bert sees his own; Femke corrects Bert's minutes.
    femke.reload();
    assertThat(femke.locator("[data-testid=register-rows] tbody tr")).hasCount(2);
    bert.navigate(base() + "#/g/" + group);
    assertThat(bert.locator("[data-testid=register-rows] tbody tr")).hasCount(1);
    assertThat(bert.locator("[data-testid=correct-attendance]")).hasCount(0);
    femke.click("[data-testid=correct-attendance] > summary");
    String bertsRow = femke.locator("[data-testid=correct-row] option", new Page.LocatorOptions().setHasText("Bert"))
        .getAttribute("value");
    femke.selectOption("[data-testid=correct-row]", bertsRow);
    femke.fill("[data-testid=correct-minutes]", "90");
    femke.click("[data-testid=correct-save]");
    assertThat(femke.locator("[data-testid=register-rows] tbody tr", new Page.LocatorOptions().setHasText("Bert")))
        .containsText("90");
    bert.reload();
    assertThat(bert.locator("[data-testid=register-rows] tbody tr")).containsText("90");
    assertThat(bert.locator("[data-testid=register-totals]")).containsText("1.5");
  }

  @Test
  void aMemberOfAnotherGroupIsRefusedOnThisGroupsPage() {
    Page anna = startsGroup("nl-NL", "Groep A", "Anna");
    String groupA = groupId(anna);
    Page bert = startsGroup("nl-NL", "Groep B", "Bert");
    String groupB = groupId(bert);

    // Anna's device holds group A's token under group B's id, as a tampered or mixed-up device would.
    expectedProblems.add("/api/groups/" + groupB);
    expectedProblems.add("403 (Forbidden)");
    anna.evaluate("([a, b]) => { const list = JSON.parse(localStorage.getItem('ivp.groups'));"
        + " const mine = list.find((g) => g.groupId === a);"
        + " list.push({ ...mine, groupId: b, name: 'B?' }); localStorage.setItem('ivp.groups', JSON.stringify(list)); }",
        List.of(groupA, groupB));
    anna.navigate(base() + "#/g/" + groupB);
    assertThat(anna.locator("[data-testid=not-in-group]")).containsText("geen lid");
    assertThat(anna.locator("main")).not().containsText("Groep B");
    assertThat(anna.locator("main")).not().containsText("Bert");
    // The device forgot the mixed-up entry; group A is still there.
    assertThat((String) anna.evaluate("() => localStorage.getItem('ivp.groups')")).doesNotContain(groupB).contains(groupA);
    anna.navigate(base() + "#/g/" + groupA);
    assertThat(anna.locator("[data-testid=group-name]")).hasText("Groep A");
  }

  @Test
  void membersWithdrawLeaveAndAreRemovedAndTheGroupIsErasedAfterItsNameIsTyped() {
    Page anna = startsGroup("nl-NL", "Kortstondig", "Anna");
    String group = groupId(anna);
    String link = anna.locator("[data-testid=group-join-link]").textContent().trim();
    Page bert = joinsGroup(link, "nl-NL", "Bert");
    Page carla = joinsGroup(link, "nl-NL", "Carla");

    // Carla puts a case forward and takes it back; others get no control over it.
    carla.fill("[data-testid=case-title]", "Toch maar niet");
    carla.click("[data-testid=queue-case]");
    String caseId = carla.locator("[data-testid=queued-case]").getAttribute("data-case-id");
    bert.reload();
    assertThat(bert.locator("[data-testid=queued-case]")).containsText("Toch maar niet");
    assertThat(bert.locator("[data-testid=withdraw-" + caseId + "]")).hasCount(0);
    carla.click("[data-testid=withdraw-" + caseId + "]");
    assertThat(carla.locator("[data-testid=queued-case]")).hasCount(0);

    // Bert leaves: his device forgets the group, and says so.
    bert.click("[data-testid=leave-group]");
    assertThat(bert.locator("[data-testid=not-in-group]")).containsText("verlaten");
    bert.reload();
    assertThat(bert.locator("[data-testid=not-in-group]")).containsText("niet bekend op dit apparaat");

    // Anna, who started the group, removes Carla; Carla's page then says she is no member any more.
    anna.reload();
    assertThat(anna.locator("[data-testid=members] li")).hasCount(2);
    assertThat(carla.locator("[data-testid=manage]")).hasCount(0);
    anna.selectOption("[data-testid=remove-member-select]", memberId(anna, "Carla"));
    anna.click("[data-testid=remove-member]");
    assertThat(anna.locator("[data-testid=members] li")).hasCount(1);
    expectedProblems.add("/api/groups/" + group);
    expectedProblems.add("403 (Forbidden)");
    carla.reload();
    assertThat(carla.locator("[data-testid=not-in-group]")).containsText("geen lid");

    // Erasing asks twice: a question that says what goes, then the group's name typed in.
    anna.click("[data-testid=erase-group]");
    assertThat(anna.locator("[data-testid=erase-group-now]")).isDisabled();
    anna.fill("[data-testid=erase-name]", "Kortstondi");
    assertThat(anna.locator("[data-testid=erase-group-now]")).isDisabled();
    anna.fill("[data-testid=erase-name]", "Kortstondig");
    anna.click("[data-testid=erase-group-now]");
    assertThat(anna.locator("[data-testid=not-in-group]")).containsText("gewist");
    anna.navigate(base());
    assertThat(anna.locator("[data-testid=my-groups]")).hasCount(0);
    assertThat(browsers.confirms).anyMatch(text -> text.contains("Kortstondig") && text.contains("presentielijst"));
  }
}
