package nl.intervision.panel.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.domain.Summary;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.room.Welcome;
import nl.intervision.panel.transport.ws.AppliedFrames;
import nl.intervision.panel.transport.ws.WelcomeFrame;

/**
 * What the server tells each member of a meeting, built by the code that builds the real frames
 * (welcome, applied, the missed batches of a resume, the summary), checked against what that member
 * may never learn (docs/PROTOCOL.md 13):
 * <ul>
 *   <li>a text written while its card was hidden, unless the card was revealed with it: only its author;
 *   <li>the id of a card that is hidden, or was deleted while hidden: only its author, and whoever
 *       chaired in the time the frame covers (the chair gets the placeholder);
 *   <li>the author of an anonymous card they have not revealed: only its author.
 * </ul>
 * Texts are matched by a mark ({@link #marked}) written into every card text, since random texts may
 * be anything, even a word of the frame's own.
 */
final class Told {
  private static final Pattern MARK = Pattern.compile("zQ\\d+Qz");
  /** How many batches back a member resumes from. */
  private static final int RESUME_BACK = 3;

  private record Applied(Recorded batch, Touched touched, MeetingState before, MeetingState after) {}

  private final List<Applied> log = new ArrayList<>();
  /** Card id to author: cards that were hidden and never revealed, deleted ones included. */
  private final Map<String, String> hiddenIds = new HashMap<>();
  /** Mark to author: texts written while their card was hidden. */
  private final Map<String, String> secretMarks = new HashMap<>();
  private final Set<String> publicMarks = new HashSet<>();
  /** Card id to author: anonymous cards whose author has not said so, deleted ones included. */
  private final Map<String, String> anonymous = new HashMap<>();

  /** The command with a mark that no other text has in front of its text, when it has one a member could write. */
  static Command marked(Command command, int step) {
    return switch (command) {
      case Command.AddCard c when markable(c.text()) -> new Command.AddCard(mark(step) + c.text(), c.kind(), c.ownerId());
      case Command.EditCard c when markable(c.text()) -> new Command.EditCard(c.cardId(), mark(step) + c.text());
      default -> command;
    };
  }

  private static boolean markable(String text) {
    // Blank and too long stay as they are, so they are refused as before.
    return text != null && !text.isBlank() && text.length() <= 900;
  }

  private static String mark(int step) {
    return "zQ" + step + "Qz ";
  }

  /** After every batch: learns what became secret or public, then checks what every member is told. */
  void applied(Recorded batch, MeetingState before, MeetingState after) {
    Touched touched = Touched.between(before, after);
    log.add(new Applied(batch, touched, before, after));
    learn(after);
    AppliedFrames frames = new AppliedFrames(() -> 0L);
    Map<String, Participant> recipients = new LinkedHashMap<>();
    // Someone removed by this batch still gets it: the participantRemoved frame.
    before.participants().forEach(p -> recipients.put(p.id(), p));
    after.participants().forEach(p -> recipients.put(p.id(), p));
    for (Participant p : recipients.values()) {
      mayBeTold(p, List.of(before, after), "applied " + batch.seq(), frames.frameFor(batch, touched, p, after));
    }
    Set<String> online = after.participants().stream().map(Participant::id).collect(Collectors.toSet());
    int from = Math.max(0, log.size() - RESUME_BACK);
    List<Recorded> missed = new ArrayList<>();
    List<MeetingState> window = new ArrayList<>(List.of(log.get(from).before()));
    Touched since = Touched.NOTHING;
    for (Applied a : log.subList(from, log.size())) {
      missed.add(a.batch());
      window.add(a.after());
      since = since.then(a.touched());
    }
    Welcome fresh = new Welcome(after, batch.seq(), List.of(), false, null);
    Welcome resumed = new Welcome(after, batch.seq(), missed, false, since);
    for (Participant p : after.participants()) {
      mayBeTold(p, List.of(after), "welcome", WelcomeFrame.build(fresh, p, online, false, false, 0).encode());
      mayBeTold(p, window, "resume with changes", WelcomeFrame.build(resumed, p, online, true, false, 0).encode());
      mayBeTold(p, window, "resume with state", WelcomeFrame.build(resumed, p, online, true, true, 0).encode());
      if (Summary.mayRead(after, p.id())) {
        summary(after, p);
      }
    }
  }

  private void learn(MeetingState after) {
    for (Card card : after.cards()) {
      List<String> marks = marks(card.text());
      if (card.hidden()) {
        hiddenIds.putIfAbsent(card.id(), card.authorId());
        marks.forEach(m -> secretMarks.putIfAbsent(m, card.authorId()));
      } else {
        hiddenIds.remove(card.id());
        publicMarks.addAll(marks);
      }
      if (card.anonymous() && !card.authorKnownTo(null)) {
        anonymous.put(card.id(), card.authorId());
      } else {
        anonymous.remove(card.id());
      }
    }
  }

  private static List<String> marks(String text) {
    List<String> marks = new ArrayList<>();
    Matcher m = MARK.matcher(text == null ? "" : text);
    while (m.find()) {
      marks.add(m.group());
    }
    return marks;
  }

  private void mayBeTold(Participant p, List<MeetingState> window, String what, String frame) {
    String as = p.name() + " (" + p.id() + "), " + what + ": " + frame;
    secretMarks.forEach((mark, author) -> {
      if (!author.equals(p.id()) && !publicMarks.contains(mark)) {
        assertThat(frame).as("hidden text %s of %s told to %s", mark, author, as).doesNotContain(mark);
      }
    });
    boolean chaired = window.stream().anyMatch(s -> s.participant(p.id()).map(q -> q.role() == Role.CHAIR).orElse(false));
    if (!chaired) {
      hiddenIds.forEach((id, author) -> {
        if (!author.equals(p.id())) {
          assertThat(frame).as("hidden card %s of %s told to %s", id, author, as).doesNotContain('"' + id + '"');
        }
      });
    }
    authorsUntold(new JsonObject(frame), p, as);
  }

  /** No object about an anonymous card (the card, or an event naming it) names its author to anyone else. */
  private void authorsUntold(Object json, Participant p, String as) {
    if (json instanceof JsonObject object) {
      for (String key : List.of("id", "cardId")) {
        String author = object.getValue(key) instanceof String id ? anonymous.get(id) : null;
        if (author != null && !author.equals(p.id())) {
          assertThat(object.getValue("authorId")).as("author of anonymous %s told to %s", object.getValue(key), as)
              .isNotEqualTo(author);
        }
      }
      object.forEach(entry -> authorsUntold(entry.getValue(), p, as));
    } else if (json instanceof JsonArray array) {
      array.forEach(item -> authorsUntold(item, p, as));
    }
  }

  private void summary(MeetingState after, Participant p) {
    String markdown = Summary.markdown(after, p);
    secretMarks.forEach((mark, author) -> {
      if (!author.equals(p.id()) && !publicMarks.contains(mark)) {
        assertThat(markdown).as("hidden text %s of %s in the summary of %s", mark, author, p.id()).doesNotContain(mark);
      }
    });
    Summary.View view = Summary.of(after, p, 0);
    Map<String, String> authorOfText = new HashMap<>();
    for (Card card : after.cards()) {
      String author = anonymous.get(card.id());
      if (author != null && !author.equals(p.id()) && !marks(card.text()).isEmpty()) {
        authorOfText.put(card.text(), author);
      }
    }
    view.insights().forEach(i -> assertThat(authorOfText.containsKey(i.text()) && i.author() != null)
        .as("an anonymous insight of %s named in the summary of %s", authorOfText.get(i.text()), p.id()).isFalse());
    view.caseRecord().forEach(phase -> phase.cards().forEach(line ->
        assertThat(authorOfText.containsKey(line.text()) && line.author() != null)
            .as("an anonymous card of %s named in the summary of %s", authorOfText.get(line.text()), p.id()).isFalse()));
  }
}
