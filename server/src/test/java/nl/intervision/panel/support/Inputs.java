package nl.intervision.panel.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile input for property tests: any text, any JSON, and the changes a careless or malicious
 * client makes to a frame that was valid. Shared by the decoder, meeting and storage properties.
 */
public final class Inputs {
  private Inputs() {}

  /** Pieces people type, and pieces that break naive SQL, JSON or Unicode handling. */
  public static final List<String> FRAGMENTS = List.of(
      "a", "Anna", " ", "  ", "\t", "\r\n", "\n", "'", "\"", ";", "--", "/*", "*/", "\\", "$$", "%", "_", "\\'",
      "'); DROP TABLE meeting_event; --", "$1", "E'\\x00'", "\\u0000", "?", "&", "<b>", "${x}",
      "é", "e\u0301", "\u0301", "ü", "ß", "İ", "ﬁ", "\u00A0", "\u2028", "\u200B", "\uFEFF",
      "😀", "👩‍👩‍👧", "🇳🇱", "\uD83D\uDE00", "𝕏",
      "שלום", "مرحبا", "\u202E", "\u200F", "漢字", "한국어", "\u0007", "\u001F", "\u007F", "\uFFFD", "\uFFFF");

  /** Characters that PostgreSQL text, or UTF-8 itself, cannot carry. */
  public static final List<String> UNSTORABLE = List.of("\u0000", "\uD800", "\uDFFF", "x\uDC00", "\uDBFF ");

  /** Free text as people could type it: storable, though often strange. */
  public static Arbitrary<String> storableText() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(12).map(parts -> String.join("", parts));
  }

  /** Free text that sometimes cannot be stored at all (NUL, unpaired surrogates), is blank, or is far too long. */
  public static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, storableText()),
        Tuple.of(2, Combinators.combine(storableText(), Arbitraries.of(UNSTORABLE), storableText())
            .as((a, bad, b) -> a + bad + b)),
        Tuple.of(1, Arbitraries.of("", " ", "\r\n\t", "\u00A0")),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(1, Arbitraries.of("x".repeat(1001), "😀".repeat(1000), "😀".repeat(1001), " " + "y".repeat(1000) + " ")));
  }

  /** Any string at all, every UTF-16 unit included. */
  public static Arbitrary<String> anyString() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(2, anyText()),
        Tuple.of(1, Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufals\\").ofMaxLength(40)));
  }

  /** Numbers as JSON writes them, from the ordinary to the ones no int or long holds. */
  public static Arbitrary<String> jsonNumber() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-3, 40).map(String::valueOf)),
        Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
        Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
        Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
            .map(BigInteger::toString)),
        Tuple.of(2, Arbitraries.of("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
            "1e400", "-1e400", "1e-400", "60.0", "1.5", "-0", "-0.0", "0e0", "1E2", "1e19", "4.9e-324",
            "1.7976931348623157e308", "123456789012345678901234567890.5", "1" + "0".repeat(400))),
        Tuple.of(1, Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0")));
  }

  /** A JSON string literal of any content; unpaired surrogates and NUL are written as escapes. */
  public static Arbitrary<String> jsonString() {
    return Arbitraries.oneOf(anyString().map(Inputs::quote), anyString().map(Inputs::quoteRaw));
  }

  /** Field names of our frames, mixed with others, so random JSON reaches the fields the decoders read. */
  public static Arbitrary<String> fieldName() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of("type", "id", "command", "token", "since", "text", "kind", "ownerId", "cardId",
            "fromPhase", "toIndex", "phaseId", "minutes", "seconds", "queue", "participantId", "rating", "answered",
            "erase", "methodId", "method", "name", "purpose", "phases", "speaking", "cards", "silent", "anonymous",
            "nl", "en", "guidance", "events", "card", "voters", "agenda", "timer", "durationMs", "endsAt", "at")),
        Tuple.of(1, anyString()));
  }

  /** Values for {@code "type"}: every frame type, command and event name, and a few that are none. */
  public static Arbitrary<String> typeName(List<String> known) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(known)),
        Tuple.of(1, Arbitraries.of("", "Hello", "SEND", "addcard", "constructor", "__proto__", "startMeeting",
            "joinMeeting", "participantWentOffline", "chairTimedOut", "organiserArrived")),
        Tuple.of(1, anyString()));
  }

  /** JSON text: any value, nested up to a few levels, with duplicate keys now and then. */
  public static Arbitrary<String> jsonText(List<String> typeNames) {
    return Arbitraries.recursive(() -> jsonLeaf(typeNames), inner -> jsonContainer(inner, typeNames), 0, 4);
  }

  private static Arbitrary<String> jsonLeaf(List<String> typeNames) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of("null", "true", "false")),
        Tuple.of(2, jsonNumber()),
        Tuple.of(2, jsonString()),
        Tuple.of(1, typeName(typeNames).map(Inputs::quote)),
        Tuple.of(1, Arbitraries.of("[]", "{}", "[null]", "{\"type\":null}")));
  }

  private static Arbitrary<String> jsonContainer(Arbitrary<String> inner, List<String> typeNames) {
    Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> member = Combinators.combine(fieldName(), inner).as((k, v) -> quote(k) + ":" + v);
    Arbitrary<String> typed = typeName(typeNames).map(t -> "\"type\":" + quote(t));
    Arbitrary<String> object = Combinators.combine(typed.injectNull(0.3), member.list().ofMaxSize(5))
        .as((type, members) -> {
          List<String> all = new ArrayList<>();
          if (type != null) {
            all.add(type);
          }
          all.addAll(members);
          return "{" + String.join(",", all) + "}";
        });
    return Arbitraries.frequencyOf(Tuple.of(1, inner), Tuple.of(2, array), Tuple.of(3, object));
  }

  /** A JSON value as Vert.x holds it, to put in place of a field of a valid frame. */
  public static Arbitrary<Object> jsonValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(null)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        Tuple.of(2, Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE).map(i -> (Object) i)),
        Tuple.of(2, Arbitraries.of(2147483648L, -2147483649L, Long.MAX_VALUE, Long.MIN_VALUE).map(l -> (Object) l)),
        Tuple.of(1, Arbitraries.of(new BigInteger("9223372036854775808"), BigInteger.TEN.pow(40).negate())
            .map(b -> (Object) b)),
        Tuple.of(1, Arbitraries.of(new BigDecimal("1.5"), new BigDecimal("60.0"), new BigDecimal("1e400"))
            .map(b -> (Object) b)),
        Tuple.of(1, Arbitraries.of(1.5d, -0.0d, 1e300d, 60.0d).map(d -> (Object) d)),
        Tuple.of(3, anyString().map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.of("x".repeat(100_000), "é".repeat(20_000)).map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.of(0, 1, 2).map(n -> (Object) switch (n) {
          case 0 -> new JsonObject();
          case 1 -> new JsonArray();
          default -> new JsonArray().add((Object) null).add("p-x");
        })));
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** JSON's own quoting, with every non-ASCII unit escaped: lone surrogates survive as {@code \\uD800}. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Quoting that leaves non-ASCII characters as they are, as most clients send them. */
  public static String quoteRaw(String s) {
    return s.chars().mapToObj(c -> switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      default -> c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c);
    }).collect(Collectors.joining("", "\"", "\""));
  }

  /** The text with control characters, unpaired surrogates and invisible marks written as escapes, for messages. */
  public static String visible(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        out.append(c).append(s.charAt(++i));
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.NON_SPACING_MARK || c == '\u00a0' || c == '\u2028') {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether PostgreSQL and UTF-8 can carry this text unchanged: no NUL, no unpaired surrogate. */
  public static boolean storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
