package nl.intervision.panel.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The colour pairs the page uses meet WCAG AA (4.5:1 for text) in the light and the dark theme. */
class ContrastTest {
  static final Path CSS = Path.of("src/main/resources/webroot/styles.css");

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"text,bg", "muted,bg", "text,surface", "muted,surface", "accent,bg", "accent-text,accent",
      "bad,bg", "good,bg", "warn,bg", "accent,surface", "text,current"})
  void textIsReadableInBothThemes(String foreground, String background) throws IOException {
    String css = Files.readString(CSS);
    for (String theme : new String[] {":root {", ":root[data-theme=\"dark\"] {"}) {
      Map<String, String> colours = variables(css, theme);
      double ratio = contrast(colours.get(foreground), colours.get(background));
      assertThat(ratio).as("%s on %s in %s", foreground, background, theme).isGreaterThanOrEqualTo(4.5);
    }
  }

  static Map<String, String> variables(String css, String block) {
    int start = css.indexOf(block);
    String body = css.substring(start, css.indexOf('}', start));
    Map<String, String> colours = new HashMap<>();
    Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(body);
    while (m.find()) {
      colours.put(m.group(1), m.group(2));
    }
    return colours;
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
