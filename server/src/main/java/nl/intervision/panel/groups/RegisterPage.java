package nl.intervision.panel.groups;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.group.GroupState;
import nl.intervision.panel.group.GroupView;
import nl.intervision.panel.group.Register;

/**
 * The attendance register as a page to print or save as PDF, for a professional register that asks
 * for proof of intervision hours: the group's name, each meeting's date, minutes and hours, and the
 * totals per year. Only what {@link GroupView} lets the reader see; every text is escaped.
 */
public final class RegisterPage {
  private RegisterPage() {}

  public static String html(GroupView view, Language language, String publicUrl) {
    boolean nl = language == Language.NL;
    Register register = view.register();
    StringBuilder page = new StringBuilder(4096);
    page.append("<!doctype html><html lang=\"").append(nl ? "nl" : "en").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escape((nl ? "Presentielijst intervisie – " : "Intervision attendance – ") + view.name()))
        // No inline style or script: the page's Content-Security-Policy (inherited by a Blob URL) allows neither.
        .append("</title><link rel=\"stylesheet\" href=\"").append(escape(publicUrl)).append("/register.css\"></head><body>")
        .append("<h1>").append(escape(nl ? "Presentielijst intervisie" : "Intervision attendance")).append("</h1>")
        .append("<p>").append(escape((nl ? "Groep: " : "Group: ") + view.name())).append("</p>")
        .append("<table><thead><tr><th>").append(nl ? "Naam" : "Name").append("</th><th>")
        .append(nl ? "Datum" : "Date").append("</th><th class=\"n\">").append(nl ? "Minuten" : "Minutes")
        .append("</th><th class=\"n\">").append(nl ? "Uren" : "Hours").append("</th></tr></thead><tbody>");
    int next = 0;
    for (Register.Total total : register.totals()) {
      while (next < register.rows().size() && register.rows().get(next).memberId().equals(total.memberId())
          && register.rows().get(next).year() == total.year()) {
        Register.Row row = register.rows().get(next++);
        row(page, row.name(), day(row.date()), row.counted(), false);
      }
      row(page, total.name(), (nl ? "totaal " : "total ") + total.year(), total.minutes(), true);
    }
    page.append("</tbody></table>");
    if (register.rows().isEmpty()) {
      page.append("<p>").append(nl ? "Nog geen bijeenkomsten." : "No meetings yet.").append("</p>");
    }
    page.append("<p><small>").append(escape(nl
        ? "Minuten van aanwezigheid in de bijeenkomst, zo nodig gecorrigeerd door de voorzitter of begeleider."
        : "Minutes present in the meeting, corrected by the chair or facilitator where needed."))
        .append("</small></p></body></html>");
    return page.toString();
  }

  /** A file name from the group's name: letters, digits and dashes only. */
  public static String fileName(GroupState group) {
    String base = group.name() == null ? "" : group.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-+|-+$)", "");
    return (base.isEmpty() ? "intervisie" : base) + "-register";
  }

  private static void row(StringBuilder page, String name, String date, int minutes, boolean total) {
    page.append(total ? "<tr class=\"total\">" : "<tr>").append("<td>").append(escape(name)).append("</td><td>")
        .append(escape(date)).append("</td><td class=\"n\">").append(minutes).append("</td><td class=\"n\">")
        .append(Register.hours(minutes)).append("</td></tr>");
  }

  private static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
