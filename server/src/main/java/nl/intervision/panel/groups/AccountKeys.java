package nl.intervision.panel.groups;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a group keeps for a member's platform sign-in: a keyed hash (HMAC-SHA256) of the platform
 * and its user id, under the server's JWT secret. The database then holds nothing that names the
 * person on the platform, and a copy of it is no list of Teams or Google accounts. A new JWT_SECRET
 * makes every link unknown: members link again (README, "What is kept").
 */
public final class AccountKeys {
  /** Keeps these hashes apart from anything else the same secret signs. */
  private static final String PURPOSE = "intervision-panel/group-account\n";

  private final SecretKeySpec secret;

  public AccountKeys(String jwtSecret) {
    this.secret = new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String of(String platform, String user) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      byte[] hash = mac.doFinal((PURPOSE + platform + "\n" + user).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
