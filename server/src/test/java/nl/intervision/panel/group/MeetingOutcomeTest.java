package nl.intervision.panel.group;

import static nl.intervision.panel.group.PanelMeetings.*;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.intervision.panel.domain.Card;
import nl.intervision.panel.domain.CardKind;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.SpeakingOrder;
import nl.intervision.panel.group.CarriedPoint.Status;
import nl.intervision.panel.group.MeetingOutcome.Mark;
import nl.intervision.panel.group.MeetingOutcome.NewPoint;
import nl.intervision.panel.group.MeetingOutcome.Presence;
import org.junit.jupiter.api.Test;

/** What a finished panel meeting leaves its group, read from its state and its log. */
class MeetingOutcomeTest {
  static final long T0 = JAN_2026 + 40 * DAY;

  @Test
  void theActionPointsComeWithTheirOwnersAndWhetherTheyAreDone() {
    Log log = new Log().at(T0, startedBy(ANNA, T0))
        .at(T0 + MINUTE, joined(BERT, T0 + MINUTE))
        .at(T0 + 100 * MINUTE, actionPoint("c-1", BERT, BERT, "Call the alderman"))
        .at(T0 + 101 * MINUTE, actionPoint("c-2", ANNA, null, "Find a date"))
        .at(T0 + 102 * MINUTE, new ActionPointDone("c-2", true))
        .at(T0 + 103 * MINUTE, new CardAdded(new Card("c-3", CardKind.ACTION_POINT, "frame-7-actions", BERT,
            "Still hidden", List.of(), 0, null, true, false, false, null, false, false, null)))
        .at(T0 + 120 * MINUTE, new MeetingEnded(T0 + 120 * MINUTE, null));

    MeetingOutcome outcome = MeetingOutcome.of("pm-1", log.state(), log.batches()).orElseThrow();

    assertThat(outcome.meetingId()).isEqualTo("pm-1");
    assertThat(outcome.endedAt()).isEqualTo(T0 + 120 * MINUTE);
    assertThat(outcome.newActionPoints()).containsExactly(
        new NewPoint("Call the alderman", BERT, false), new NewPoint("Find a date", null, true));
  }

  @Test
  void theLookBackMarksDoneNotDoneOrCarriedOn() {
    Log log = new Log().at(T0, startedWith(ANNA, T0, carried("ap-1", BERT, "Call the alderman"),
            carried("ap-2", CARLA, "Read the memo"), carried("ap-3", null, "Find a date"),
            carried("ap-4", DIRK, "Not talked about")))
        .at(T0 + 5 * MINUTE, marked("ap-1", nl.intervision.panel.domain.CarriedPoint.Status.DONE))
        .at(T0 + 6 * MINUTE, marked("ap-2", nl.intervision.panel.domain.CarriedPoint.Status.NOT_DONE))
        .at(T0 + 7 * MINUTE, marked("ap-3", nl.intervision.panel.domain.CarriedPoint.Status.CARRIED_ON))
        .at(T0 + 120 * MINUTE, new MeetingEnded(T0 + 120 * MINUTE, null));

    MeetingOutcome outcome = MeetingOutcome.of("pm-2", log.state(), log.batches()).orElseThrow();

    // A point nobody marked is no mark: it stays open and comes back next time.
    assertThat(outcome.marks()).containsExactly(new Mark("ap-1", Status.DONE), new Mark("ap-2", Status.NOT_DONE),
        new Mark("ap-3", Status.CARRIED_ON));
    assertThat(outcome.newActionPoints()).isEmpty();
  }

  @Test
  void presenceCountsFromJoiningToRemovalOrTheEndAndAddsUpAReturn() {
    Log log = new Log().at(T0, startedBy(ANNA, T0))
        .at(T0 + 10 * MINUTE, joined(BERT, T0 + 10 * MINUTE))
        .at(T0 + 5 * MINUTE, joined(CARLA, T0 + 5 * MINUTE))
        .at(T0 + 35 * MINUTE, new ParticipantRemoved(CARLA, SpeakingOrder.EMPTY))
        .at(T0 + 50 * MINUTE, joined(CARLA, T0 + 50 * MINUTE))
        // Twenty seconds in a meeting still counts one minute: who was there attended.
        .at(T0 + 60 * MINUTE, joined(DIRK, T0 + 60 * MINUTE))
        .at(T0 + 60 * MINUTE + 20_000, new ParticipantRemoved(DIRK, SpeakingOrder.EMPTY))
        .at(T0 + 90 * MINUTE, new MeetingEnded(T0 + 90 * MINUTE, null));

    MeetingOutcome outcome = MeetingOutcome.of("pm-1", log.state(), log.batches()).orElseThrow();

    assertThat(outcome.presence()).containsExactly(new Presence(ANNA, 90), new Presence(BERT, 80),
        new Presence(CARLA, 30 + 40), new Presence(DIRK, 1));
  }

  @Test
  void timeAwayBetweenConnectionsIsNotCountedAndAComingBackWithoutLeavingChangesNothing() {
    Log log = new Log().at(T0, startedBy(ANNA, T0))
        .at(T0 + MINUTE, joined(BERT, T0 + MINUTE))
        .at(T0 + MINUTE, new PresenceRecorded(BERT, true))
        .at(T0 + 21 * MINUTE, new PresenceRecorded(BERT, false))
        .at(T0 + 51 * MINUTE, new PresenceRecorded(BERT, true))
        .at(T0 + 52 * MINUTE, new PresenceRecorded(ANNA, true))
        // Someone removed does not count on because a connection of theirs closes or opens afterwards.
        .at(T0 + 55 * MINUTE, new ParticipantRemoved(BERT, SpeakingOrder.EMPTY))
        .at(T0 + 56 * MINUTE, new PresenceRecorded(BERT, true))
        .at(T0 + 61 * MINUTE, new MeetingEnded(T0 + 61 * MINUTE, null));

    MeetingOutcome outcome = MeetingOutcome.of("pm-1", log.state(), log.batches()).orElseThrow();

    assertThat(outcome.presence()).containsExactly(new Presence(ANNA, 61), new Presence(BERT, 20 + 4));
  }

  @Test
  void aMeetingStillRunningHasNoOutcomeYet() {
    Log log = new Log().at(T0, startedBy(ANNA, T0)).at(T0 + MINUTE, joined(BERT, T0 + MINUTE));
    assertThat(MeetingOutcome.of("pm-1", log.state(), log.batches())).isEmpty();
  }
}
