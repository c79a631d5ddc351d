package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.intervision.panel.domain.Agenda.Part;
import nl.intervision.panel.domain.Agenda.Span;
import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.Test;

/** What the chair may still change in the agenda, as the server tells the page. */
class AgendaTest {

  @Test
  void thePhasesStillToComeArePerPartAfterTheCurrentOne() {
    // checkin, learning | story, questions, advice | actions
    assertThat(AGENDA.stillToCome(0)).isEqualTo(Map.of(Part.OPENING, new Span(1, 1), Part.METHOD, new Span(2, 4),
        Part.CLOSING, new Span(5, 5)));
    assertThat(AGENDA.stillToCome(2)).isEqualTo(Map.of(Part.METHOD, new Span(3, 4), Part.CLOSING, new Span(5, 5)));
    assertThat(AGENDA.stillToCome(5)).isEmpty();
  }

  @Test
  void aPhaseMovesExactlyWithinTheSpanTheServerSays() {
    Span method = AGENDA.stillToCome(2).get(Part.METHOD);
    given(started(), at(0, 2)).when(CHAIR, new MovePhase("advice", method.from())).then(new PhaseMoved("advice", 3));
    given(started(), at(0, 2)).when(CHAIR, new MovePhase("advice", method.from() - 1)).thenRejected(Reason.CONFLICT);
    assertThat(given(started(), at(0, 2)).when(CHAIR, new MovePhase("advice", method.to() + 1))
        .thenRejected(Reason.CONFLICT).refusal()).isEqualTo(Refusal.MOVE_WITHIN_PART);
  }
}
