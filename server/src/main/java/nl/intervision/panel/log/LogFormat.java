package nl.intervision.panel.log;

import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One logfmt line per record: {@code time=... level=... logger=...} and then the message's own
 * {@code key=value} pairs ({@link LogLine}); prose from libraries goes into a quoted {@code msg=}.
 * A stack trace follows on indented lines with the exception types and frames but without their
 * messages, which may quote what someone sent.
 */
public final class LogFormat extends Formatter {
  private static final int MAX_FRAMES = 40;
  /** Also ends a cause chain that loops back on itself. */
  private static final int MAX_CAUSES = 8;

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(160)
        .append("time=").append(record.getInstant().truncatedTo(ChronoUnit.MILLIS))
        .append(" level=").append(record.getLevel().getName())
        .append(" logger=").append(record.getLoggerName() == null ? "-" : record.getLoggerName())
        .append(' ');
    String message = formatMessage(record);
    if (message != null && message.startsWith("event=") && message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
      line.append(message);
    } else {
      line.append("msg=");
      LogLine.value(line, message);
    }
    Throwable thrown = record.getThrown();
    if (thrown != null) {
      line.append(" error=").append(LogLine.error(thrown));
      trace(line, thrown);
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static void trace(StringBuilder line, Throwable thrown) {
    String prefix = "";
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
      line.append(System.lineSeparator()).append('\t').append(prefix).append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        line.append(System.lineSeparator()).append("\t\tat ").append(frames[i]);
      }
      if (frames.length > MAX_FRAMES) {
        line.append(System.lineSeparator()).append("\t\t... ").append(frames.length - MAX_FRAMES).append(" more");
      }
      prefix = "caused by ";
    }
  }
}
