package nl.intervision.panel.group;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.intervision.panel.domain.Language;

/**
 * The attendance register: who attended which meeting and for how long, and the totals per member per
 * calendar year, which professionals show to their professional register. Dates and years are UTC days
 * of the meeting's start, the same on every server. Which rows a reader gets is {@link GroupView}'s rule.
 *
 * @param rows per member (in join order), then per meeting (in date order)
 * @param totals per member (in join order), then per year (ascending)
 */
public record Register(String groupName, List<Row> rows, List<Total> totals) {

  /**
   * @param date when the meeting started, epoch milliseconds
   * @param minutes from presence; {@code correctedMinutes} wins when set (see {@link #counted()})
   */
  public record Row(String memberId, String name, String groupMeetingId, long date, int minutes,
      Integer correctedMinutes) {
    public int counted() {
      return correctedMinutes != null ? correctedMinutes : minutes;
    }

    public int year() {
      return day(date).getYear();
    }
  }

  public record Total(String memberId, String name, int year, int meetings, int minutes) {}

  public Register {
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }

  /** @param whose the members whose rows are in it */
  public static Register of(GroupState state, Predicate<String> whose) {
    List<Row> rows = new ArrayList<>();
    for (Member member : state.members()) {
      if (!whose.test(member.id())) {
        continue;
      }
      for (GroupMeeting meeting : state.meetings()) {
        state.attendance(meeting.id(), member.id()).ifPresent(a -> rows.add(new Row(member.id(), member.name(),
            meeting.id(), meeting.startedAt(), a.minutes(), a.correctedMinutes())));
      }
    }
    return new Register(state.name(), rows, totals(rows));
  }

  private static List<Total> totals(List<Row> rows) {
    List<Total> totals = new ArrayList<>();
    for (Row row : rows) {
      Total last = totals.isEmpty() ? null : totals.get(totals.size() - 1);
      if (last != null && last.memberId().equals(row.memberId()) && last.year() == row.year()) {
        totals.set(totals.size() - 1, new Total(last.memberId(), last.name(), last.year(), last.meetings() + 1,
            last.minutes() + row.counted()));
      } else {
        totals.add(new Total(row.memberId(), row.name(), row.year(), 1, row.counted()));
      }
    }
    return totals;
  }

  /**
   * The register as CSV (RFC 4180: commas, CRLF, quotes where needed), its header in the group's language.
   * Each member's meetings of a year are followed by that year's total, a row whose date reads "totaal"
   * ("total"). Hours have one decimal with a point in both languages, so a spreadsheet reads them as
   * numbers wherever it runs.
   */
  public String csv(Language language) {
    boolean nl = language == Language.NL;
    StringBuilder csv = new StringBuilder();
    line(csv, nl ? List.of("Groep", "Naam", "Jaar", "Datum", "Minuten", "Uren")
        : List.of("Group", "Name", "Year", "Date", "Minutes", "Hours"));
    int next = 0;
    for (Total total : totals) {
      while (next < rows.size() && rows.get(next).memberId().equals(total.memberId())
          && rows.get(next).year() == total.year()) {
        Row row = rows.get(next++);
        line(csv, List.of(groupName, row.name(), Integer.toString(row.year()), day(row.date()).toString(),
            Integer.toString(row.counted()), hours(row.counted())));
      }
      line(csv, List.of(groupName, total.name(), Integer.toString(total.year()), nl ? "totaal" : "total",
          Integer.toString(total.minutes()), hours(total.minutes())));
    }
    return csv.toString();
  }

  public static String hours(int minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).toPlainString();
  }

  private static LocalDate day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
    }
    csv.append("\r\n");
  }

  /**
   * Quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180). A name that starts
   * like a formula (= + - @) gets a leading apostrophe, so a spreadsheet shows it instead of running it.
   */
  static String field(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
