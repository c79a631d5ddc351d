package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Event;
import nl.intervision.panel.domain.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/PROTOCOL.md names every command, event, error code, refusal reason, close code and chair hand-over
 * reason the code has, and nothing the code lacks: a client developer writes against the document, so a
 * name missing there is a feature nobody can use and a name only there is a bug waiting in their code.
 */
class ProtocolDocTest {
  /** The commands the REST API submits (docs section 2); every other command no socket may send is the server's own. */
  static final Set<Class<?>> REST_ONLY = Set.of(Command.StartMeeting.class, Command.JoinMeeting.class);

  static String doc;

  @BeforeAll
  static void read() throws IOException {
    doc = Files.readString(Path.of("../docs/PROTOCOL.md"));
  }

  @Test
  void theCommandTablesNameEveryCommandASocketMaySendAndNoOther() {
    assertThat(firstCells(section("### 5.2 Command table", "### 5.3"))).as("docs/PROTOCOL.md 5.2")
        .isEqualTo(names(commands(false)));
  }

  @Test
  void theCommandsNoSocketMaySendAreNamedAsSuch() {
    assertThat(backticked(section("## 5. Commands", "### 5.1"))).as("docs/PROTOCOL.md 5, the commands no socket may send")
        .isEqualTo(names(commands(true)));
  }

  @Test
  void whatTheServerDoesByItselfNamesEveryCommandOfItsOwn() {
    List<Class<?>> own = new ArrayList<>(commands(true));
    own.removeAll(REST_ONLY);
    // Each row says when, and names the command in brackets at the end of its first cell.
    Matcher row = Pattern.compile("(?m)^\\| [^|]*\\(`([a-zA-Z]+)`\\) \\|").matcher(section("## 14. What the server does by itself", "\n---"));
    Set<String> named = new TreeSet<>();
    while (row.find()) {
      named.add(row.group(1));
    }
    assertThat(named).as("docs/PROTOCOL.md 14").isEqualTo(names(own));
  }

  @Test
  void theEventTableNamesEveryEvent() {
    assertThat(firstCells(section("## 6. Events", "### Nested objects"))).as("docs/PROTOCOL.md 6")
        .isEqualTo(names(Arrays.asList(Event.class.getPermittedSubclasses())));
  }

  @Test
  void theErrorTableNamesEveryErrorCode() {
    assertThat(firstCells(section("## 8. Errors", "### Reasons"))).as("docs/PROTOCOL.md 8")
        .isEqualTo(Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void theReasonTableNamesEveryRefusal() {
    assertThat(firstCells(section("### Reasons", "## 9. Close codes"))).as("docs/PROTOCOL.md 8, Reasons")
        .isEqualTo(Arrays.stream(Refusal.values()).map(Refusal::wire).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void theCloseCodeTableNamesEveryCloseCodeWithItsReasonText() {
    Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\| `([^`]*)` \\|").matcher(section("## 9. Close codes", "## 10."));
    Map<Integer, String> documented = new LinkedHashMap<>();
    while (row.find()) {
      documented.put(Integer.parseInt(row.group(1)), row.group(2));
    }
    Map<Integer, String> sent = new LinkedHashMap<>();
    for (CloseCode code : CloseCode.values()) {
      sent.put((int) code.code(), code.reason());
    }
    // 1006 is listed too, as what a client sees when the connection drops: never sent, so no reason text.
    assertThat(documented).as("docs/PROTOCOL.md 9").containsExactlyInAnyOrderEntriesOf(sent);
    assertThat(section("## 9. Close codes", "## 10.")).contains("| 1006 | (none; not sent by the server) |");
  }

  @Test
  void everyChairHandOverReasonIsNamed() throws ReflectiveOperationException {
    Set<String> reasons = new TreeSet<>();
    // The domain keeps them as constants of People: every String constant there is one.
    for (Field f : Class.forName("nl.intervision.panel.domain.People").getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        f.setAccessible(true);
        reasons.add((String) f.get(null));
      }
    }
    Matcher values = Pattern.compile("(?m)^\\| chair hand-over reason \\| (.+) \\|$").matcher(doc);
    assertThat(values.find()).as("the chair hand-over reason row in docs/PROTOCOL.md 1").isTrue();
    assertThat(backtickedIn(values.group(1))).as("docs/PROTOCOL.md 1, chair hand-over reason").isEqualTo(reasons);
    Matcher event = Pattern.compile("(?m)^\\| `chairHandedOver` \\|.*$").matcher(doc);
    assertThat(event.find()).isTrue();
    Set<String> quoted = new TreeSet<>();
    Matcher q = Pattern.compile("`\"([a-z-]+)\"`").matcher(event.group());
    while (q.find()) {
      quoted.add(q.group(1));
    }
    assertThat(quoted).as("docs/PROTOCOL.md 6, chairHandedOver's reasons").isEqualTo(reasons);
  }

  /** @param refused the commands a socket may not send, or those it may */
  static List<Class<?>> commands(boolean refused) {
    List<Class<?>> result = new ArrayList<>();
    for (Class<?> type : Command.class.getPermittedSubclasses()) {
      String name = RecordCodec.typeName(type);
      boolean isRefused;
      try {
        Wire.memberCommand(new JsonObject().put("type", name));
        isRefused = false;
      } catch (CodecException e) {
        isRefused = e.getMessage().equals("unknown command type '" + name + "'");
      }
      if (isRefused == refused) {
        result.add(type);
      }
    }
    return result;
  }

  static Set<String> names(List<Class<?>> types) {
    return types.stream().map(RecordCodec::typeName).collect(Collectors.toCollection(TreeSet::new));
  }

  static String section(String from, String to) {
    int start = doc.indexOf(from);
    assertThat(start).as("section %s in docs/PROTOCOL.md", from).isNotNegative();
    int end = doc.indexOf(to, start + from.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** The names in the first column of the section's tables. */
  static Set<String> firstCells(String section) {
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
    Set<String> names = new TreeSet<>();
    while (row.find()) {
      names.add(row.group(1));
    }
    return names;
  }

  /** Every name in backticks that could be a command or event: lowerCamelCase, nothing else. */
  static Set<String> backticked(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("`([a-z][a-zA-Z]+)`").matcher(text);
    while (m.find()) {
      if (!m.group(1).equals(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static Set<String> backtickedIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
