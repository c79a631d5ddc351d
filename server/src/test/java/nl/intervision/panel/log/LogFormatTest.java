package nl.intervision.panel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Log lines an operator can filter on, and that nothing sent by a person can bend or fill. */
class LogFormatTest {
  final LogFormat format = new LogFormat();

  LogRecord record(Level level, String message, Throwable thrown) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName("nl.intervision.panel.room.Room");
    record.setThrown(thrown);
    return record;
  }

  @Test
  void ourLinesAreKeyValuePairsAfterTimeLevelAndLogger() {
    String line = format.format(record(Level.WARNING, LogLine.of("append_failed", "meeting", "m1", "seq", 7L), null));

    assertThat(line).matches("time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z level=WARNING "
        + "logger=nl\\.intervision\\.panel\\.room\\.Room event=append_failed meeting=m1 seq=7\\R");
  }

  @Test
  void aValueWithSpacesQuotesOrLineBreaksIsQuotedSoItCannotForgeALine() {
    String line = LogLine.of("x", "detail", "two words", "evil", "a\"b\nevent=forged level=INFO", "none", null);

    assertThat(line).isEqualTo("event=x detail=\"two words\" evil=\"a\\\"b\\nevent=forged level=INFO\" none=-");
    assertThat(format.format(record(Level.INFO, line, null)).lines()).hasSize(1);
  }

  @Test
  void proseFromALibraryBecomesOneQuotedMessage() {
    String line = format.format(record(Level.INFO, "Connection refused\nsecond line", null));

    assertThat(line).endsWith(" msg=\"Connection refused\\nsecond line\"" + System.lineSeparator());
  }

  @Test
  void aStackTraceShowsTypesAndFramesButNoMessage() {
    Throwable failure = new IllegalStateException("card text: do not log me",
        new IOException("nor me"));

    String line = format.format(record(Level.WARNING, LogLine.of("delivery_failed", "meeting", "m1"), failure));

    assertThat(line).contains("event=delivery_failed meeting=m1 error=IllegalStateException/IOException",
        "java.lang.IllegalStateException", "caused by java.io.IOException", "\tat nl.intervision.panel.log.LogFormatTest")
        .doesNotContain("do not log me", "nor me");
  }

  @Test
  void aFailureIsNamedByItsTypesAlone() {
    assertThat(LogLine.error(new RuntimeException("secret", new IllegalArgumentException("secret too"))))
        .isEqualTo("RuntimeException/IllegalArgumentException");
    assertThat(LogLine.error(null)).isEqualTo("-");
  }
}
