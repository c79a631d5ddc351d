package nl.intervision.panel.auth.platform;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom Apps: the {@code X-Zoom-App-Context} that Zoom encrypts for our app (AES-256-GCM, the key
 * being SHA-256 of our client secret). Only Zoom and we know the key, so a context that decrypts,
 * is for our client id and has not expired is Zoom's word: {@code mid} is the meeting, {@code uid}
 * the person, and {@code attendrole} host or co-host makes the chair.
 */
final class ZoomVerifier implements PlatformVerifier {
  static final String ISSUER = "marketplace.zoom.us";
  static final Set<String> HOSTS = Set.of("host", "cohost", "co-host");

  private final String clientId;
  private final SecretKeySpec key;
  private final LongSupplier clock;

  ZoomVerifier(String clientId, String clientSecret, LongSupplier clock) {
    this.clientId = clientId;
    this.key = new SecretKeySpec(sha256(clientSecret), "AES");
    this.clock = clock;
  }

  @Override
  public String platform() {
    return "zoom";
  }

  @Override
  public Future<PlatformIdentity> verify(JsonObject proof) {
    try {
      String context = proof.getValue("context") instanceof String c ? c : null;
      if (context == null) {
        throw new RefusedProof("send the X-Zoom-App-Context value as context");
      }
      JsonObject claims = decrypt(context);
      if (!ISSUER.equals(claims.getValue("iss")) || !clientId.equals(claims.getValue("aud"))) {
        throw new RefusedProof("the context is not for this app");
      }
      Object exp = claims.getValue("exp");
      if (!(exp instanceof Number n) || millis(n.longValue()) < clock.getAsLong()) {
        throw new RefusedProof("the context has expired");
      }
      String meeting = claims.getValue("mid") instanceof String m && !m.isBlank() ? m : null;
      String user = claims.getValue("uid") instanceof String u && !u.isBlank() ? u : null;
      if (meeting == null || user == null) {
        throw new RefusedProof("the context is not from inside a meeting");
      }
      String name = proof.getValue("name") instanceof String s && !s.isBlank() ? s : "Zoom user";
      boolean host = claims.getValue("attendrole") instanceof String role && HOSTS.contains(role.toLowerCase());
      return Future.succeededFuture(new PlatformIdentity(platform(), meeting, user, name, host));
    } catch (RefusedProof e) {
      return Future.failedFuture(e);
    }
  }

  /** Layout: iv length (1 byte), iv, aad length (uint16 LE), aad, ciphertext length (int32 LE), ciphertext, 16-byte tag. */
  private JsonObject decrypt(String context) {
    try {
      ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(context)).order(ByteOrder.LITTLE_ENDIAN);
      byte[] iv = new byte[Byte.toUnsignedInt(in.get())];
      in.get(iv);
      byte[] aad = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(aad);
      byte[] cipherText = new byte[in.getInt()];
      in.get(cipherText);
      byte[] tag = new byte[in.remaining()];
      in.get(tag);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad);
      cipher.update(cipherText);
      byte[] plain = cipher.doFinal(tag);
      return new JsonObject(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof RefusedProof refused) {
        throw refused;
      }
      throw new RefusedProof("the context does not decrypt with this app's secret");
    }
  }

  /** Zoom's times are in milliseconds; accept seconds too. */
  private static long millis(long value) {
    return value < 100_000_000_000L ? value * 1000 : value;
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
