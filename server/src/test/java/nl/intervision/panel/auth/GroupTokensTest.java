package nl.intervision.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A group token opens a group and nothing else; a meeting token or device code is no group token. */
class GroupTokensTest {
  static final String SECRET = "a-secret-for-tokens-that-is-long-enough!";
  final Tokens tokens = new Tokens(SECRET, Duration.ofHours(12), Duration.ofDays(180));

  @Test
  void aGroupTokenNamesItsGroupAndMember() throws InvalidToken {
    String token = tokens.issueGroup("g-1", "m-anna", Instant.now());
    assertThat(tokens.verifyGroup(token)).isEqualTo(new Tokens.GroupMember("g-1", "m-anna"));
  }

  @Test
  void noOtherKindOfTokenPassesAsAGroupTokenNorTheOtherWayRound() throws InvalidToken {
    Instant now = Instant.now();
    String meeting = tokens.issue("m-1", "p-anna", "participant", now);
    String device = tokens.issueDeviceCode(tokens.verify(meeting), now, Duration.ofMinutes(5)).code();
    String group = tokens.issueGroup("g-1", "m-anna", now);
    assertThatThrownBy(() -> tokens.verifyGroup(meeting)).isInstanceOf(InvalidToken.class);
    assertThatThrownBy(() -> tokens.verifyGroup(device)).isInstanceOf(InvalidToken.class);
    assertThatThrownBy(() -> tokens.verify(group)).isInstanceOf(InvalidToken.class);
    assertThatThrownBy(() -> tokens.verifyDeviceCode(group)).isInstanceOf(InvalidToken.class);
  }

  @Test
  void aGroupTokenOfAnotherKeyOrPastItsLifetimeIsRefused() {
    Tokens otherKey = new Tokens("another-secret-for-tokens-also-long-enough", Duration.ofHours(12));
    String theirs = otherKey.issueGroup("g-1", "m-anna", Instant.now());
    assertThatThrownBy(() -> tokens.verifyGroup(theirs)).isInstanceOf(InvalidToken.class);
    String old = tokens.issueGroup("g-1", "m-anna", Instant.now().minus(Duration.ofDays(181)));
    assertThatThrownBy(() -> tokens.verifyGroup(old)).isInstanceOf(InvalidToken.class);
  }
}
