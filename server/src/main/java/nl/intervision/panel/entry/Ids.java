package nl.intervision.panel.entry;

import java.security.SecureRandom;

/** Fresh ids and join codes. Random, so nobody can guess another meeting's id or code. */
public final class Ids {
  private static final char[] ID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();
  // No 0/O, 1/I/L: join codes are read aloud and typed over from a shared screen.
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

  private final SecureRandom random = new SecureRandom();

  public String meetingId() {
    return random(ID_ALPHABET, 16);
  }

  public String participantId() {
    return "p-" + random(ID_ALPHABET, 10);
  }

  public String cardId() {
    return "c-" + random(ID_ALPHABET, 10);
  }

  /** Eight characters shown as ABCD-EFGH: about 39 bits, far beyond guessing within a meeting's life. */
  public String joinCode() {
    String code = random(CODE_ALPHABET, 8);
    return code.substring(0, 4) + "-" + code.substring(4);
  }

  private String random(char[] alphabet, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return new String(chars);
  }
}
