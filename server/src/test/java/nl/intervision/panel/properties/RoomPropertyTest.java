package nl.intervision.panel.properties;

import java.util.List;
import java.util.UUID;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.store.InMemoryEventLog;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random steps, re-sends among them, against a room on the in-memory log (see {@link RoomRun}). */
class RoomPropertyTest {

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void everyBatchTakesTheNextSeqIsStoredOnceAndTheLogReplaysToTheRoom(
      @ForAll("method") Method method, @ForAll("steps") List<Step> steps) {
    InMemoryEventLog log = new InMemoryEventLog();
    RoomRun run = new RoomRun(RoomRun.Loop.direct(), RoomRun.rooms(log), log, "m-" + UUID.randomUUID());
    run.start(method);
    for (int i = 0; i < steps.size(); i++) {
      run.take(i, steps.get(i));
    }
    run.checkLog();
    RoomRun.checkCoverage();
  }

  @Provide
  Arbitrary<Method> method() {
    return Step.method(RoomRun.CATALOGUE);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Step.steps(100);
  }
}
