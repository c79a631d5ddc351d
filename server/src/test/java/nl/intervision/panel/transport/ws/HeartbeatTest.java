package nl.intervision.panel.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatTest {
  @Test
  void aQuietSocketIsPingedThenClosedUnlessItAnswers() {
    Heartbeat heartbeat = new Heartbeat(0);
    assertThat(heartbeat.due(19_999, 20_000, 10_000)).isEqualTo(Heartbeat.Due.NOTHING);
    assertThat(heartbeat.due(20_000, 20_000, 10_000)).isEqualTo(Heartbeat.Due.PING);
    heartbeat.pinged(20_000);
    assertThat(heartbeat.due(29_999, 20_000, 10_000)).as("waiting for the answer").isEqualTo(Heartbeat.Due.NOTHING);
    assertThat(heartbeat.due(30_000, 20_000, 10_000)).isEqualTo(Heartbeat.Due.CLOSE);
  }

  @Test
  void anythingHeardStartsTheQuietTimeAgain() {
    Heartbeat heartbeat = new Heartbeat(0);
    heartbeat.pinged(20_000);
    heartbeat.heard(25_000);
    assertThat(heartbeat.due(40_000, 20_000, 10_000)).isEqualTo(Heartbeat.Due.NOTHING);
    assertThat(heartbeat.due(45_000, 20_000, 10_000)).isEqualTo(Heartbeat.Due.PING);
  }
}
