package nl.intervision.panel.auth.platform;

import java.net.URI;
import java.util.Locale;

/** Webex signs with identity brokers under webex.com (and its government and lab domains). */
final class WebexIssuers {
  private WebexIssuers() {}

  static boolean trusted(String issuer) {
    try {
      URI uri = URI.create(issuer);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return "https".equals(uri.getScheme()) && (host.endsWith(".webex.com") || host.endsWith(".webexgov.us"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
