package nl.intervision.panel.transport.ws;

/** Frame limits are in bytes on the wire, while Java strings count UTF-16 units. */
final class Utf8 {
  private Utf8() {}

  static boolean tooLong(String text, int maxBytes) {
    if (text.length() > maxBytes) {
      return true; // every character takes at least one byte
    }
    if ((long) text.length() * 3 <= maxBytes) {
      return false; // and at most three per UTF-16 unit
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > maxBytes;
  }
}
