package nl.intervision.panel.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libpq's connection URI grammar ({@code postgresql://[user[:password]@][host][:port][/dbname][?k=v&...]}),
 * read the way libpq's own parser reads it, so that a URL that works with psql splits the same here:
 * the user info ends at the first '@' before any '/', an IPv6 host stands in brackets, every part is
 * percent-decoded and '+' stays '+'. Error messages never quote the user info: it holds the password.
 */
final class ConnectionUri {
  private static final String[] SCHEMES = {"postgresql://", "postgres://"};

  private final String text;
  private int at;
  private final Map<String, String> keywords = new LinkedHashMap<>();

  private ConnectionUri(String text, int start) {
    this.text = text;
    this.at = start;
  }

  /** The URI as libpq's keywords (user, password, host, port, dbname and the query's own); empty parts are left out. */
  static Map<String, String> keywords(String uri) {
    for (String scheme : SCHEMES) {
      if (uri.startsWith(scheme)) {
        ConnectionUri parsed = new ConnectionUri(uri, scheme.length());
        parsed.parse();
        return parsed.keywords;
      }
    }
    throw new IllegalArgumentException(uri.startsWith("jdbc:")
        ? "DATABASE_URL is a libpq URL (postgresql://...), not a JDBC one: drop the 'jdbc:'"
        : "DATABASE_URL must start with postgresql:// or postgres://");
  }

  private void parse() {
    userInfo();
    char end = hosts();
    if (end == '/') {
      int start = ++at;
      skipUntil("?");
      store("dbname", text.substring(start, at), "the database name");
      end = at < text.length() ? '?' : 0;
    }
    if (end == '?') {
      query(text.substring(at + 1));
    }
  }

  /** libpq looks for '@' before the first '/' only; a password may hold ':' but '@' and '/' percent-encoded. */
  private void userInfo() {
    int start = at;
    int p = start;
    while (p < text.length() && text.charAt(p) != '@' && text.charAt(p) != '/') {
      p++;
    }
    if (p == text.length() || text.charAt(p) != '@') {
      return;
    }
    String info = text.substring(start, p);
    int colon = info.indexOf(':');
    store("user", colon < 0 ? info : info.substring(0, colon), "the user name");
    if (colon >= 0) {
      store("password", info.substring(colon + 1), "the password");
    }
    at = p + 1;
  }

  /** @return the character that ended the host and port: '/', '?' or 0 at the end */
  private char hosts() {
    StringBuilder hosts = new StringBuilder();
    StringBuilder ports = new StringBuilder();
    char end;
    while (true) {
      if (at < text.length() && text.charAt(at) == '[') {
        int close = text.indexOf(']', at);
        if (close < 0) {
          throw new IllegalArgumentException("DATABASE_URL: an IPv6 host opens '[' but never closes it with ']'");
        }
        if (close == at + 1) {
          throw new IllegalArgumentException("DATABASE_URL: the IPv6 host between '[' and ']' is empty");
        }
        hosts.append(text, at + 1, close);
        at = close + 1;
        if (at < text.length() && ":/?,".indexOf(text.charAt(at)) < 0) {
          throw new IllegalArgumentException("DATABASE_URL: after the IPv6 host ']' comes '" + text.charAt(at)
              + "', expected ':', '/' or '?'");
        }
      } else {
        int start = at;
        skipUntil(":/?,");
        hosts.append(text, start, at);
      }
      end = current();
      if (end == ':') {
        int start = ++at;
        skipUntil("/?,");
        ports.append(text, start, at);
        end = current();
      }
      if (end != ',') {
        break;
      }
      at++;
      hosts.append(',');
      ports.append(',');
    }
    store("host", hosts.toString(), "the host");
    store("port", ports.toString(), "the port");
    return end;
  }

  private void query(String query) {
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        // Not quoted: a stray '&' in a password would put a piece of it here.
        throw new IllegalArgumentException("DATABASE_URL: a query parameter has no '=' (write key=value,"
            + " and percent-encode '&' in a value as %26)");
      }
      if (pair.indexOf('=', eq + 1) >= 0) {
        throw new IllegalArgumentException("DATABASE_URL: query parameter '" + decode(pair.substring(0, eq), "a name")
            + "' has a second '=' (percent-encode '=' in a value as %3D)");
      }
      String key = decode(pair.substring(0, eq), "a query parameter's name");
      String value = decode(pair.substring(eq + 1), "the value of " + key);
      // libpq reads the JDBC spelling ssl=true as sslmode=require.
      if (key.equals("ssl") && value.equals("true")) {
        key = "sslmode";
        value = "require";
      }
      if (!value.isEmpty()) {
        keywords.put(key, value);
      }
    }
  }

  private void store(String keyword, String raw, String what) {
    String value = decode(raw, what);
    if (!value.isEmpty()) {
      keywords.put(keyword, value);
    }
  }

  private void skipUntil(String stops) {
    while (at < text.length() && stops.indexOf(text.charAt(at)) < 0) {
      at++;
    }
  }

  private char current() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  /** Percent-decoding as libpq does it: %XX only, no '+' for space, and never a NUL byte. */
  static String decode(String raw, String what) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      int c = raw.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("DATABASE_URL: " + what + " has a '%' that is not followed by two hex digits"
            + " (write a literal % as %25)");
      }
      int b = hi * 16 + lo;
      if (b == 0) {
        throw new IllegalArgumentException("DATABASE_URL: " + what + " holds %00, which PostgreSQL does not allow");
      }
      bytes.write(b);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
