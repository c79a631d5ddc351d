package nl.intervision.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Remembering verified tokens must never let through a text that was not itself verified. */
class TokensTest {
  final Tokens tokens = new Tokens("a-secret-for-tokens-that-is-long-enough!", Duration.ofHours(1));

  @Test
  void aTokenComesBackWithTheSameIdentityEveryTime() throws InvalidToken {
    String token = tokens.issue("m-1", "p-anna", "participant", Instant.now());
    Identity first = tokens.verify(token);
    Identity again = tokens.verify(token);
    assertThat(again).isEqualTo(first);
    assertThat(again.meetingId()).isEqualTo("m-1");
    assertThat(again.participantId()).isEqualTo("p-anna");
  }

  @Test
  void aRememberedSignatureOnAnotherPayloadIsRefused() throws InvalidToken {
    String anna = tokens.issue("m-1", "p-anna", "participant", Instant.now());
    tokens.verify(anna);
    String[] parts = anna.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("p-anna", "p-chair").getBytes(StandardCharsets.UTF_8));
    String forged = parts[0] + "." + otherPayload + "." + parts[2];
    assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidToken.class);
    assertThatThrownBy(() -> tokens.verify(anna + "x")).isInstanceOf(InvalidToken.class);
  }

  @Test
  void aTokenOfAnotherKeyIsRefusedEvenWithTheSameClaims() throws InvalidToken {
    Tokens otherKey = new Tokens("another-secret-for-tokens-also-long-enough", Duration.ofHours(1));
    Instant now = Instant.now();
    tokens.verify(tokens.issue("m-1", "p-anna", "participant", now));
    String theirs = otherKey.issue("m-1", "p-anna", "participant", now);
    assertThatThrownBy(() -> tokens.verify(theirs)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void anExpiredTokenIsRefused() {
    Tokens shortLived = new Tokens("a-secret-for-tokens-that-is-long-enough!", Duration.ofSeconds(1));
    String old = shortLived.issue("m-1", "p-anna", "participant", Instant.now().minusSeconds(Tokens.CLOCK_SKEW_SECONDS + 5));
    assertThatThrownBy(() -> shortLived.verify(old)).isInstanceOf(InvalidToken.class);
  }
}
