package nl.intervision.panel.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.protocol.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reason the server can give has a Dutch and an English text in the page's refusals.js, and
 * those texts name only params the reason carries. The page's own module is run with node (the
 * build needs it anyway), so what is checked is what the browser gets.
 */
class RefusalTextsTest {
  static final Path REFUSALS_JS = Path.of("src/main/resources/webroot/js/refusals.js").toAbsolutePath();
  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
  static final List<String> LANGUAGES = List.of("nl", "en");
  static final String ENGLISH = "THE-SERVER'S-ENGLISH-MESSAGE";

  /** Prints REFUSALS, and refusalText for each reason given on stdin with a made-up value for each param. */
  static final String SCRIPT = """
      const { REFUSALS, refusalText } = await import(process.argv[1]);
      let input = '';
      for await (const chunk of process.stdin) input += chunk;
      const reasons = JSON.parse(input);
      const rendered = {};
      for (const lang of ['nl', 'en']) {
        rendered[lang] = {};
        for (const r of reasons) {
          const params = Object.fromEntries(r.params.map((name, i) => [name, i % 2 ? 'x' : 7]));
          rendered[lang][r.reason] = refusalText(lang, { type: 'error', code: 'conflict', reason: r.reason, params,
              message: r.message });
        }
        rendered[lang]['(unknown reason)'] = refusalText(lang, { error: 'forbidden', reason: 'no-such-reason',
            message: r0(reasons).message });
        rendered[lang]['(nothing)'] = refusalText(lang, { message: r0(reasons).message });
      }
      function r0(rs) { return rs[0]; }
      console.log(JSON.stringify({ texts: REFUSALS, rendered }));
      """;

  static JsonObject texts;
  static JsonObject rendered;

  @BeforeAll
  static void runThePageModule() throws IOException, InterruptedException {
    JsonArray reasons = new JsonArray();
    for (Refusal refusal : Refusal.values()) {
      reasons.add(new JsonObject().put("reason", refusal.wire()).put("params", new JsonArray(refusal.params()))
          .put("message", ENGLISH));
    }
    Process node = new ProcessBuilder("node", "--input-type=module", "-e", SCRIPT, REFUSALS_JS.toUri().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    node.getOutputStream().write(reasons.encode().getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as("node ran refusals.js; output: " + out).isZero();
    JsonObject result = new JsonObject(out.strip());
    texts = result.getJsonObject("texts");
    rendered = result.getJsonObject("rendered");
  }

  @Test
  void everyReasonHasADutchAndAnEnglishText() {
    List<String> missing = new ArrayList<>();
    for (String lang : LANGUAGES) {
      for (Refusal refusal : Refusal.values()) {
        String text = texts.getJsonObject(lang).getString(refusal.wire());
        if (text == null || text.isBlank()) {
          missing.add(lang + ":" + refusal.wire());
        }
      }
    }
    assertThat(missing).as("reasons without a text in refusals.js").isEmpty();
  }

  @Test
  void everyCodeHasAFallbackInBothLanguages() {
    for (String lang : LANGUAGES) {
      for (ErrorCode code : ErrorCode.values()) {
        assertThat(texts.getJsonObject(lang).getString("code:" + code.wire())).as(lang + " code:" + code.wire())
            .isNotBlank();
      }
    }
  }

  @Test
  void aTextNamesOnlyParamsItsReasonCarries() {
    for (String lang : LANGUAGES) {
      for (Refusal refusal : Refusal.values()) {
        Matcher m = PLACEHOLDER.matcher(texts.getJsonObject(lang).getString(refusal.wire(), ""));
        while (m.find()) {
          assertThat(refusal.params()).as(lang + " " + refusal.wire() + " uses {" + m.group(1) + "}").contains(m.group(1));
        }
      }
    }
  }

  @Test
  void theProtocolDocumentListsEveryReasonWithItsParams() throws IOException {
    String doc = java.nio.file.Files.readString(Path.of("../docs/PROTOCOL.md"));
    String reasons = doc.substring(doc.indexOf("### Reasons"), doc.indexOf("## 9."));
    Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| [^|]+ \\| ([^|]+) \\|").matcher(reasons);
    java.util.Map<String, String> documented = new java.util.LinkedHashMap<>();
    while (row.find()) {
      documented.put(row.group(1), row.group(2).strip());
    }
    for (Refusal refusal : Refusal.values()) {
      String params = refusal.params().isEmpty() ? "—"
          : String.join(", ", refusal.params().stream().map(p -> "`" + p + "`").toList());
      assertThat(documented).as("docs/PROTOCOL.md section 8, Reasons").containsEntry(refusal.wire(), params);
    }
    assertThat(documented).hasSize(Refusal.values().length);
  }

  @Test
  void bothLanguagesKnowTheSameReasons() {
    assertThat(texts.getJsonObject("nl").fieldNames()).containsExactlyInAnyOrderElementsOf(
        texts.getJsonObject("en").fieldNames());
  }

  @Test
  void refusalTextFillsEveryPlaceholderAndNeverShowsTheEnglishMessage() {
    for (String lang : LANGUAGES) {
      JsonObject byReason = rendered.getJsonObject(lang);
      for (String reason : byReason.fieldNames()) {
        String text = byReason.getString(reason);
        assertThat(text).as(lang + " " + reason).isNotBlank().doesNotContain("{", "}", ENGLISH, "undefined");
      }
      assertThat(byReason.getString("(unknown reason)")).isEqualTo(texts.getJsonObject(lang).getString("code:forbidden"));
      assertThat(byReason.getString("(nothing)")).isEqualTo(texts.getJsonObject(lang).getString("code:other"));
    }
  }
}
