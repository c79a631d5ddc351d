package nl.intervision.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A device code does one thing: it gets a meeting token for the same seat. It is no meeting token, nor the reverse. */
class DeviceCodesTest {
  final Tokens tokens = new Tokens("a-secret-for-tokens-that-is-long-enough!", Duration.ofHours(12));
  final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  final Identity anna = new Identity("m-1", "p-anna", now.plus(Duration.ofHours(12)));

  @Test
  void aDeviceCodeNamesTheSeatAndWhenItsTokenRunsOut() throws InvalidToken {
    Tokens.DeviceCode code = tokens.issueDeviceCode(anna, now, Duration.ofMinutes(10));
    assertThat(code.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(tokens.verifyDeviceCode(code.code())).isEqualTo(anna);
  }

  @Test
  void aDeviceCodeNeverOutlivesTheTokenOfTheSeat() {
    Identity almostOut = new Identity("m-1", "p-anna", now.plusSeconds(90));
    assertThat(tokens.issueDeviceCode(almostOut, now, Duration.ofMinutes(10)).expiresAt()).isEqualTo(now.plusSeconds(90));
  }

  @Test
  void aDeviceCodeIsNoMeetingToken() {
    String code = tokens.issueDeviceCode(anna, now, Duration.ofMinutes(10)).code();
    assertThatThrownBy(() -> tokens.verify(code)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void aMeetingTokenIsNoDeviceCodeEvenOnceRemembered() throws InvalidToken {
    String token = tokens.issue("m-1", "p-anna", "participant", now);
    tokens.verify(token);
    assertThatThrownBy(() -> tokens.verifyDeviceCode(token)).isInstanceOf(InvalidToken.class)
        .hasMessage("this device link is not valid");
  }

  @Test
  void anExpiredDeviceCodeSaysSo() {
    Instant longAgo = now.minus(Duration.ofMinutes(11)).minusSeconds(Tokens.CLOCK_SKEW_SECONDS);
    String code = tokens.issueDeviceCode(anna, longAgo, Duration.ofMinutes(10)).code();
    assertThatThrownBy(() -> tokens.verifyDeviceCode(code)).isInstanceOf(InvalidToken.class)
        .satisfies(e -> assertThat(((InvalidToken) e).expired()).isTrue())
        .hasMessageContaining("expired");
  }

  @Test
  void aDeviceCodeOfAnotherKeyIsNotValid() {
    Tokens otherKey = new Tokens("another-secret-for-tokens-also-long-enough", Duration.ofHours(12));
    String theirs = otherKey.issueDeviceCode(anna, now, Duration.ofMinutes(10)).code();
    assertThatThrownBy(() -> tokens.verifyDeviceCode(theirs)).isInstanceOf(InvalidToken.class)
        .satisfies(e -> assertThat(((InvalidToken) e).expired()).isFalse());
  }

  @Test
  void aTokenIssuedForASecondDeviceEndsWithTheFirstOnes() throws InvalidToken {
    Instant until = now.plus(Duration.ofHours(3));
    String token = tokens.issue("m-1", "p-anna", "participant", now, until);
    assertThat(tokens.verify(token).expiresAt()).isEqualTo(until);
  }
}
