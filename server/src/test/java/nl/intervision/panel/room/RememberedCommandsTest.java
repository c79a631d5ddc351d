package nl.intervision.panel.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A command sent again is answered with its first seq, for as long as the meeting remembers it. */
class RememberedCommandsTest {

  @Test
  void aCommandIdIsKnownPerSender() {
    RememberedCommands remembered = new RememberedCommands(2_000);
    remembered.remember("anna", "c-1", 7);

    assertThat(remembered.seqOf("anna", "c-1")).isEqualTo(7);
    // Two people's pages number their commands alike: Bert's c-1 is another command.
    assertThat(remembered.seqOf("bert", "c-1")).isNull();
    assertThat(remembered.seqOf("anna", "c-2")).isNull();
  }

  @Test
  void growingKeepsEveryOneInOrderAndPastTheCapacityTheOldestAreForgotten() {
    RememberedCommands remembered = new RememberedCommands(100);
    for (int i = 0; i < 130; i++) {
      remembered.remember(i % 2 == 0 ? "anna" : "bert", "c-" + i, 1_000 + i);
    }

    assertThat(remembered.size()).isEqualTo(100);
    for (int i = 0; i < 30; i++) {
      assertThat(remembered.seqOf(i % 2 == 0 ? "anna" : "bert", "c-" + i)).as("c-%d", i).isNull();
    }
    for (int i = 30; i < 130; i++) {
      assertThat(remembered.seqOf(i % 2 == 0 ? "anna" : "bert", "c-" + i)).as("c-%d", i).isEqualTo(1_000L + i);
    }
  }

  @Test
  void theRingWrapsBeforeItGrowsAndStillFindsEveryOne() {
    RememberedCommands remembered = new RememberedCommands(20);
    // Eight fit, then it grows to 16 and to 20, then wraps over the oldest.
    for (int i = 0; i < 45; i++) {
      remembered.remember("anna", "c-" + i, i);
      int first = Math.max(0, i - 19);
      for (int j = first; j <= i; j++) {
        assertThat(remembered.seqOf("anna", "c-" + j)).as("after %d: c-%d", i, j).isEqualTo(j);
      }
      if (first > 0) {
        assertThat(remembered.seqOf("anna", "c-" + (first - 1))).isNull();
      }
    }
  }
}
