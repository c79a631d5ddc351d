package nl.intervision.panel.log;

/**
 * A log message as {@code key=value} pairs (logfmt), so an operator can filter on {@code meeting=} or
 * {@code event=} without parsing prose. Values are ids, numbers, our own codes and exception types: never
 * what a person typed (card text, titles, names), nor a token or join code, for meetings are confidential.
 */
public final class LogLine {
  private LogLine() {}

  /** @param fields alternating keys and values; a null value is written as {@code -} */
  public static String of(String event, Object... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in key-value pairs");
    }
    StringBuilder line = new StringBuilder("event=").append(event);
    for (int i = 0; i < fields.length; i += 2) {
      line.append(' ').append(fields[i]).append('=');
      value(line, fields[i + 1]);
    }
    return line.toString();
  }

  /**
   * The types of a failure and its causes, as {@code StoreUnavailable/ConnectException}; never their
   * messages, which may quote what was sent (a JSON parser's does) or was stored.
   */
  public static String error(Throwable failure) {
    if (failure == null) {
      return "-";
    }
    StringBuilder types = new StringBuilder(type(failure));
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      types.append('/').append(type(cause));
    }
    return types.toString();
  }

  private static String type(Throwable t) {
    String name = t.getClass().getSimpleName();
    return name.isEmpty() ? t.getClass().getName() : name;
  }

  static void value(StringBuilder line, Object value) {
    String text = value == null ? "-" : value.toString();
    if (!text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f)) {
      line.append(text);
      return;
    }
    // Quoted, with line breaks escaped: a value can never start a forged log line of its own.
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < ' ' || c == 0x7f) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }
}
