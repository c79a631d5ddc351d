package nl.intervision.panel.domain;

import java.util.List;

/**
 * The record of a meeting for the chair and the case-bringer, in Markdown: the learning question,
 * the cards of each phase with the case-bringer's ratings, recognitions and action points. It is
 * built from what the reader may see, so hidden and anonymous stay that way here too.
 */
public final class Summary {
  private Summary() {}

  public static boolean mayRead(MeetingState state, String participantId) {
    return participantId.equals(state.chairId()) || state.isCaseBringer(participantId);
  }

  public static String markdown(MeetingState full, Participant reader) {
    MeetingState state = Visibility.stateFor(full, reader);
    Language lang = state.locale();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(oneLine(state.title())).append("\n\n");
    md.append(label(lang, "Methode", "Method")).append(": ").append(state.agenda().methodName().in(lang)).append("  \n");
    md.append(label(lang, "Voorzitter", "Chair")).append(": ").append(name(state, state.chairId())).append("  \n");
    if (state.caseBringerId() != null) {
      md.append(label(lang, "Inbrenger", "Case-bringer")).append(": ").append(name(state, state.caseBringerId())).append("  \n");
    }
    md.append("\n");
    state.card(state.learningQuestionId() == null ? "" : state.learningQuestionId()).ifPresent(q ->
        md.append("## ").append(label(lang, "Leervraag", "Learning question")).append("\n\n> ")
            .append(oneLine(q.text())).append("\n\n"));
    for (Phase phase : state.agenda().phases()) {
      List<Card> cards = state.cards().stream()
          .filter(c -> c.phaseId().equals(phase.id()) && c.text() != null && !c.id().equals(state.learningQuestionId()))
          .toList();
      if (cards.isEmpty()) {
        continue;
      }
      md.append("## ").append(phase.name().in(lang)).append("\n\n");
      for (Card card : cards) {
        md.append(CardKind.ACTION_POINT.equals(card.kind()) ? "- [ ] " : "- ").append(oneLine(card.text()));
        md.append(details(state, card, lang)).append("\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  private static String details(MeetingState state, Card card, Language lang) {
    StringBuilder d = new StringBuilder();
    if (card.ownerId() != null) {
      d.append(" (").append(label(lang, "wie", "who")).append(": ").append(name(state, card.ownerId())).append(")");
    }
    if (card.authorId() != null && !CardKind.ACTION_POINT.equals(card.kind())) {
      d.append(" — ").append(name(state, card.authorId()));
    }
    if (card.key()) {
      d.append(" — **").append(label(lang, "kernvraag", "key question")).append("**");
    }
    if (card.rating() != null) {
      d.append(" — ").append(switch (card.rating()) {
        case WARM -> label(lang, "warm", "warm");
        case NEUTRAL -> label(lang, "neutraal", "neutral");
        case COLD -> label(lang, "koud", "cold");
      });
    }
    if (card.answered()) {
      d.append(" — ").append(label(lang, "beantwoord", "answered"));
    }
    if (card.votes() > 0) {
      d.append(" — ").append(card.votes()).append(label(lang, " stem(men)", " vote(s)"));
    }
    return d.toString();
  }

  private static String name(MeetingState state, String participantId) {
    return participantId == null ? "—" : state.participant(participantId).map(p -> oneLine(p.name())).orElse("—");
  }

  /** Cards are free text: keep each on its own list line. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " / ");
  }

  private static String label(Language lang, String nl, String en) {
    return lang == Language.NL ? nl : en;
  }
}
