package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.MethodRules;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.PhaseRules;
import org.junit.jupiter.api.Test;

/**
 * The catalogue as a group meets it: every agenda runs without a step twice, each phase works on the
 * cards the method built up before it, and no guidance tells people to do what the phase's rules refuse.
 */
class CatalogueRulesTest {
  static final Catalogue CATALOGUE = CatalogueJson.load();

  static final Set<String> QUESTIONS = Set.of(CardKind.INFORMATION_QUESTION, CardKind.DEEPENING_QUESTION);

  // What the guidance says people do, in both languages. Narrow on purpose: a phrase the rules allow
  // must not be caught, and one they forbid must be.
  static final Pattern GROUP_ASKS = Pattern.compile(
      "(?i)\\b(stel|stellen|stelt)\\b[^.]*\\bvra?ge?n?\\b|verhelderende vragen|vraag door"
          + "|\\bask (\\w+ ){0,3}questions?\\b|clarifying questions");
  static final Pattern GROUP_SPEAKS = Pattern.compile(
      "(?i)\\b(de anderen|jullie|ieder)\\b[^.]*\\b(delen|deelt|vertellen|vertelt|zeggen|zegt|bespreken|noemen|geven)\\b"
          + "|\\b(delen|vertellen|zeggen|geven) (\\w+ )?(de anderen|jullie)\\b"
          + "|om de beurt|\\bbespreek\\b|\\bvertel\\b|\\bthe others\\b[^.]*\\b(share|say|tell)\\b|\\bin turn\\b|\\bdiscuss\\b");
  static final Pattern CASE_BRINGER_SPEAKS = Pattern.compile(
      "(?i)\\bde (inbrenger|voorbeeldgever) (\\w+ )?(benoemt|vertelt|zegt|antwoordt|beantwoordt|reageert|formuleert|legt|"
          + "deelt|beschrijft|vat|schetst|geeft aan|kijkt terug)\\b|\\blaat de inbrenger\\b"
          + "|\\bthe case-bringer (\\w+ )?(names|tells|says|answers|responds|reacts|explains|describes|sums|sorts|shares)\\b");
  static final Pattern CASE_BRINGER_WRITES = Pattern.compile(
      "(?i)\\bde (inbrenger|voorbeeldgever)\\b[^.]*\\b(schrijft|zet)\\b[^.]*\\bbord\\b"
          + "|\\bthe case-bringer\\b[^.]*\\b(writes|puts)\\b[^.]*\\bboard\\b");
  static final Pattern GROUP_WRITES = Pattern.compile(
      "(?i)\\b(schrijf|noteer)\\b|\\bop het bord\\b|\\b(write|jot)\\b|\\bon the board\\b");
  static final Pattern CASE_BRINGER_LISTENS = Pattern.compile(
      "(?i)\\bde inbrenger (\\w+ )?luistert\\b|\\bthe case-bringer (\\w+ )?listens\\b");

  static List<Agenda> agendas() {
    return CATALOGUE.methods().stream().map(CATALOGUE::agenda).toList();
  }

  @Test
  void everyMethodOfTheCatalogueKeepsTheRulesOfAMethod() {
    Set<String> frame = new HashSet<>();
    Set<String> opening = new HashSet<>();
    CATALOGUE.frame().opening().forEach(p -> opening.add(p.id()));
    frame.addAll(opening);
    CATALOGUE.frame().closing().forEach(p -> frame.add(p.id()));
    for (Method method : CATALOGUE.methods()) {
      MethodRules.check(method, frame, opening);
    }
  }

  @Test
  void noAgendaRunsAStepTwice() {
    for (Agenda agenda : agendas()) {
      List<String> names = agenda.phases().stream().map(p -> p.name().nl()).toList();
      assertThat(names).as(agenda.methodId()).doesNotHaveDuplicates();
      for (Phase phase : agenda.method()) {
        // The frame gathers and chooses the learning question and closes with recognitions: a method that
        // did so again would ask the group for the same thing twice.
        assertThat(phase.cards()).as(phase.id())
            .doesNotContain(CardKind.LEARNING_QUESTION, CardKind.RECOGNITION);
        assertThat(phase.name().nl().toLowerCase()).as(phase.id())
            .doesNotContain("kiezen", "afronden", "evalu", "terugblik", "terugkijk");
      }
    }
  }

  @Test
  void noGuidancePromisesWhatThePhaseRefuses() {
    List<String> wrong = new ArrayList<>();
    for (Agenda agenda : agendas()) {
      for (int i = 0; i < agenda.size(); i++) {
        Phase phase = agenda.phase(i);
        Agenda.Part part = agenda.part(i);
        String id = agenda.methodId() + "/" + phase.id();
        for (String text : List.of(phase.guidance().nl(), phase.guidance().en())) {
          boolean groupSpeaks = PhaseRules.groupMaySpeak(phase);
          boolean questionsOnBoard = phase.cards().stream().anyMatch(QUESTIONS::contains);
          if (GROUP_ASKS.matcher(text).find() && !groupSpeaks && !questionsOnBoard) {
            wrong.add(id + ": promises questions from the group, but only the case-bringer speaks and no questions are collected: " + text);
          }
          if (GROUP_SPEAKS.matcher(text).find() && !groupSpeaks) {
            wrong.add(id + ": lets the group speak, but only the case-bringer speaks: " + text);
          }
          if (CASE_BRINGER_SPEAKS.matcher(text).find() && !PhaseRules.caseBringerMaySpeak(phase, part)) {
            wrong.add(id + ": lets the case-bringer speak, but the case-bringer listens here: " + text);
          }
          if (CASE_BRINGER_WRITES.matcher(text).find() && !PhaseRules.caseBringerWrites(phase, part)) {
            wrong.add(id + ": lets the case-bringer write, but the case-bringer writes nothing here: " + text);
          }
          if (GROUP_WRITES.matcher(text).find() && phase.cards().isEmpty()) {
            wrong.add(id + ": asks people to write, but the phase collects no cards: " + text);
          }
          if (CASE_BRINGER_LISTENS.matcher(text).find() && phase.speaking() == nl.intervision.panel.domain.Speaking.CASE_BRINGER) {
            wrong.add(id + ": says the case-bringer listens in the case-bringer's own phase: " + text);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theGuidanceCheckCatchesWhatUsersFound() {
    assertThat(GROUP_ASKS.matcher("Desgewenst volgen een paar verhelderende vragen.").find()).isTrue();
    assertThat(CASE_BRINGER_SPEAKS.matcher("De inbrenger benoemt de eigen inzichten.").find()).isTrue();
    assertThat(GROUP_SPEAKS.matcher("Eventueel delen de anderen daarna hun eigen inzichten.").find()).isTrue();
    assertThat(CASE_BRINGER_SPEAKS.matcher("Daarna laat de inbrenger weten wat bruikbaar is.").find()).isTrue();
    assertThat(GROUP_WRITES.matcher("Noteer ieder voor jezelf kort de beelden.").find()).isTrue();
  }

  @Test
  void phasesWorkOnTheCardsWrittenBeforeThem() {
    Agenda warmCold = CATALOGUE.agenda(CATALOGUE.method("socratische-methode-warm-koud").orElseThrow());
    int sort = warmCold.indexOf("socq-3-sort");
    int answer = warmCold.indexOf("socq-4-answer");
    assertThat(warmCold.shownIn(sort)).contains("socq-2-written-questions");
    assertThat(warmCold.phase(sort).rates()).isTrue();
    assertThat(warmCold.shownIn(answer)).contains("socq-2-written-questions");
    assertThat(warmCold.phase(answer).rates()).isFalse();
    Agenda incident = CATALOGUE.agenda(CATALOGUE.method("incidentmethode").orElseThrow());
    assertThat(incident.shownIn(incident.indexOf("incident-4-information-round"))).contains("incident-3-note-questions");
    assertThat(incident.shownIn(incident.indexOf("incident-7-positions"))).contains("incident-6-written-position");
    assertThat(incident.shownIn(incident.indexOf("frame-4-choose"))).contains("frame-3-learning-questions");
    // Rating is asked for only where the case-bringer sorts questions or statements, never on advice.
    for (Agenda agenda : agendas()) {
      for (Phase phase : agenda.phases()) {
        if (phase.rates()) {
          assertThat(phase.cards()).as(phase.id()).doesNotContain(CardKind.ADVICE, CardKind.RECOGNITION,
              CardKind.ACTION_POINT);
        }
      }
    }
  }
}
