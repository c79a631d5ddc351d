package nl.intervision.panel.transport.ws;

import nl.intervision.panel.Config;

/**
 * Which web pages may open a socket. Browsers always send Origin on a WebSocket handshake, so a
 * page on a foreign site cannot ride on a participant's session (cross-site WebSocket hijacking).
 * Clients that are not browsers send no Origin and are let through: they must still present a token.
 */
final class Origins {
  private Origins() {}

  static boolean allowed(String origin, String host, Config config) {
    if (origin == null) {
      return true;
    }
    String normalised = Config.origin(origin);
    if (host != null && (normalised.equals("http://" + host) || normalised.equals("https://" + host))) {
      return true;
    }
    return normalised.equals(Config.origin(config.publicUrl())) || config.allowedOrigins().contains(normalised);
  }
}
