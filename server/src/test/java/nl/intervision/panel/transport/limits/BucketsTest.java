package nl.intervision.panel.transport.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-key buckets behind the address and meeting limits: limited keys stay limited, memory stays bounded. */
class BucketsTest {
  static final long SECOND = 1_000_000_000L;

  @Test
  void aKeyGetsItsBurstThenWaitsForTheRefill() {
    Buckets buckets = new Buckets(2, 3, 100);
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.take("a", 0)).isZero();
    }
    assertThat(buckets.take("a", 0)).isEqualTo(SECOND / 2);
    assertThat(buckets.take("b", 0)).as("another key has its own bucket").isZero();
    assertThat(buckets.take("a", SECOND / 2)).isZero();
  }

  @Test
  void lookingDoesNotTakeAToken() {
    Buckets buckets = new Buckets(1, 1, 100);
    assertThat(buckets.nanosUntilToken("a", 0)).as("a key never seen has a full bucket").isZero();
    assertThat(buckets.take("a", 0)).isZero();
    assertThat(buckets.nanosUntilToken("a", 0)).isEqualTo(SECOND);
    assertThat(buckets.nanosUntilToken("a", SECOND)).isZero();
    assertThat(buckets.take("a", SECOND)).isZero();
  }

  @Test
  void manyKeysNeverHoldMoreThanTheCapacityAndTheOneInUseStaysLimited() {
    Buckets buckets = new Buckets(1, 1, 1000);
    assertThat(buckets.take("attacker", 0)).isZero();
    for (int i = 0; i < 100_000; i++) {
      buckets.take("10.0." + (i / 256) + "." + (i % 256), 0);
      if (i % 500 == 0) {
        assertThat(buckets.take("attacker", 0)).as("still limited after %d other keys", i).isPositive();
      }
    }
    assertThat(buckets.size()).isEqualTo(1000);
  }
}
