package nl.intervision.panel.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of a meeting, for each person in it as they may see it: the one place that decides
 * what a reader gets. Everyone who is (still) in the meeting reads what the group takes away: the
 * date, who attended, the method, the chosen learning question and key question, the insights
 * (recognition cards), the action points with their owners, and the evaluations. Only the chair and
 * the case-bringer also read the case record, the cards of each phase with the case-bringer's
 * ratings: that is the case-bringer's material, worked on for them. It is built from
 * {@link Visibility#stateFor}, so hidden and anonymous stay that way here too.
 */
public final class Summary {
  private Summary() {}

  /** Dates in the Markdown are the day as the Dutch groups this serves see it. */
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  /** A summary as a reader gets it; names are resolved, the language is the meeting's. */
  public record View(String title, long date, String method, List<Attendee> attendees, String learningQuestion,
      String keyQuestion, List<Insight> insights, List<Point> actionPoints, List<Given> evaluations,
      List<PhaseRecord> caseRecord) {}

  /** @param role chair, case-bringer, participant or observer */
  public record Attendee(String name, String role) {}

  /** @param author null where the card is anonymous to this reader */
  public record Insight(String text, String author) {}

  /** @param owner the name of who took it on; null when nobody did (an anonymous action point starts so) */
  public record Point(String text, String owner, boolean done) {}

  public record Given(String name, int score, String word) {}

  public record PhaseRecord(String name, List<Line> cards) {}

  /** @param rating warm, neutral or cold, or null */
  public record Line(String text, String kind, String author, String rating, boolean key, boolean answered,
      int votes) {}

  /** Anyone still in the meeting, observers too: the summary is theirs as much as the chair's. */
  public static boolean mayRead(MeetingState state, String participantId) {
    return state.participant(participantId).isPresent();
  }

  /** The part the rules keep to the chair and the case-bringer. */
  public static boolean mayReadCaseRecord(MeetingState state, String participantId) {
    return participantId.equals(state.chairId()) || state.isCaseBringer(participantId);
  }

  /** @param now the date of a meeting that has not ended yet */
  public static View of(MeetingState full, Participant reader, long now) {
    MeetingState state = Visibility.stateFor(full, reader);
    Language lang = state.locale();
    List<Attendee> attendees = new ArrayList<>();
    for (Participant p : state.participants()) {
      String role = state.isCaseBringer(p.id()) && p.role() != Role.CHAIR ? "case-bringer"
          : p.role().name().toLowerCase(java.util.Locale.ROOT);
      attendees.add(new Attendee(p.name(), role));
    }
    String learningQuestion = state.learningQuestionId() == null ? null
        : state.card(state.learningQuestionId()).map(Card::text).orElse(null);
    String keyQuestion = state.cards().stream().filter(c -> c.key() && c.text() != null).map(Card::text)
        .findFirst().orElse(null);
    List<Insight> insights = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    for (Card card : state.cards()) {
      if (card.text() == null) {
        continue;
      }
      if (CardKind.RECOGNITION.equals(card.kind())) {
        insights.add(new Insight(card.text(), card.authorId() == null ? null : name(state, card.authorId())));
      } else if (CardKind.ACTION_POINT.equals(card.kind())) {
        points.add(new Point(card.text(), card.ownerId() == null ? null : name(state, card.ownerId()), card.isDone()));
      }
    }
    List<Given> evaluations = new ArrayList<>();
    for (Evaluation e : state.evaluations()) {
      state.participant(e.participantId()).ifPresent(p -> evaluations.add(new Given(p.name(), e.score(), e.word())));
    }
    List<PhaseRecord> caseRecord = mayReadCaseRecord(full, reader.id()) ? caseRecord(state, lang) : List.of();
    return new View(state.title(), state.endedAt() != null ? state.endedAt() : now, state.agenda().methodName().in(lang),
        attendees, learningQuestion, keyQuestion, insights, points, evaluations, caseRecord);
  }

  private static List<PhaseRecord> caseRecord(MeetingState state, Language lang) {
    List<PhaseRecord> phases = new ArrayList<>();
    for (Phase phase : state.agenda().phases()) {
      List<Line> lines = new ArrayList<>();
      for (Card card : state.cards()) {
        if (card.phaseId().equals(phase.id()) && card.text() != null && !card.id().equals(state.learningQuestionId())
            && !CardKind.ACTION_POINT.equals(card.kind()) && !CardKind.RECOGNITION.equals(card.kind())) {
          lines.add(new Line(card.text(), card.kind(), card.authorId() == null ? null : name(state, card.authorId()),
              card.rating() == null ? null : card.rating().name().toLowerCase(java.util.Locale.ROOT), card.key(),
              card.answered(), card.votes()));
        }
      }
      if (!lines.isEmpty()) {
        phases.add(new PhaseRecord(phase.name().in(lang), lines));
      }
    }
    return phases;
  }

  /** The summary as Markdown, for the chair and the case-bringer as before: the date is when it ended, or unknown. */
  public static String markdown(MeetingState full, Participant reader) {
    return markdown(of(full, reader, full.endedAt() == null ? 0 : full.endedAt()), full.locale());
  }

  public static String markdown(View view, Language lang) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(oneLine(view.title())).append("\n\n");
    if (view.date() > 0) {
      md.append(label(lang, "Datum", "Date")).append(": ")
          .append(DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochMilli(view.date()).atZone(ZONE))).append("  \n");
    }
    md.append(label(lang, "Methode", "Method")).append(": ").append(oneLine(view.method())).append("  \n");
    List<String> people = new ArrayList<>();
    for (Attendee a : view.attendees()) {
      people.add(oneLine(a.name()) + ("participant".equals(a.role()) ? "" : " (" + role(lang, a.role()) + ")"));
    }
    md.append(label(lang, "Aanwezig", "Attendees")).append(": ").append(String.join(", ", people)).append("\n\n");
    if (view.learningQuestion() != null) {
      md.append("## ").append(label(lang, "Leervraag", "Learning question")).append("\n\n> ")
          .append(oneLine(view.learningQuestion())).append("\n\n");
    }
    if (view.keyQuestion() != null) {
      md.append("## ").append(label(lang, "Kernvraag", "Key question")).append("\n\n> ")
          .append(oneLine(view.keyQuestion())).append("\n\n");
    }
    if (!view.insights().isEmpty()) {
      md.append("## ").append(label(lang, "Inzichten", "Insights")).append("\n\n");
      for (Insight i : view.insights()) {
        md.append("- ").append(oneLine(i.text())).append(i.author() == null ? "" : " — " + oneLine(i.author())).append("\n");
      }
      md.append("\n");
    }
    md.append("## ").append(label(lang, "Actiepunten", "Action points")).append("\n\n");
    if (view.actionPoints().isEmpty()) {
      md.append(label(lang, "Geen.", "None.")).append("\n");
    }
    for (Point p : view.actionPoints()) {
      md.append(p.done() ? "- [x] " : "- [ ] ").append(oneLine(p.text()));
      if (p.owner() != null) {
        md.append(" (").append(label(lang, "eigenaar", "owner")).append(": ").append(oneLine(p.owner())).append(")");
      }
      md.append("\n");
    }
    md.append("\n");
    if (!view.evaluations().isEmpty()) {
      md.append("## ").append(label(lang, "Evaluatie", "Evaluation")).append("\n\n");
      for (Given g : view.evaluations()) {
        md.append("- ").append(oneLine(g.name())).append(": ").append(g.score()).append("/10, ")
            .append(oneLine(g.word())).append("\n");
      }
      md.append("\n");
    }
    for (PhaseRecord phase : view.caseRecord()) {
      md.append("## ").append(oneLine(phase.name())).append("\n\n");
      for (Line line : phase.cards()) {
        md.append("- ").append(oneLine(line.text())).append(details(line, lang)).append("\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  private static String details(Line line, Language lang) {
    StringBuilder d = new StringBuilder();
    if (line.author() != null) {
      d.append(" — ").append(oneLine(line.author()));
    }
    if (line.key()) {
      d.append(" — **").append(label(lang, "kernvraag", "key question")).append("**");
    }
    if (line.rating() != null) {
      d.append(" — ").append(switch (line.rating()) {
        case "warm" -> "warm";
        case "cold" -> label(lang, "koud", "cold");
        default -> label(lang, "neutraal", "neutral");
      });
    }
    if (line.answered()) {
      d.append(" — ").append(label(lang, "beantwoord", "answered"));
    }
    if (line.votes() > 0) {
      d.append(" — ").append(line.votes()).append(line.votes() == 1 ? label(lang, " stem", " vote")
          : label(lang, " stemmen", " votes"));
    }
    return d.toString();
  }

  private static String role(Language lang, String role) {
    return switch (role) {
      case "chair" -> label(lang, "voorzitter", "chair");
      case "case-bringer" -> label(lang, "inbrenger", "case-bringer");
      case "observer" -> label(lang, "observator", "observer");
      default -> role;
    };
  }

  private static String name(MeetingState state, String participantId) {
    return participantId == null ? "—" : state.participant(participantId).map(Participant::name).orElse("—");
  }

  /** Cards are free text: keep each on its own list line. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " / ");
  }

  private static String label(Language lang, String nl, String en) {
    return lang == Language.NL ? nl : en;
  }
}
