package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import nl.intervision.panel.domain.Command.*;
import nl.intervision.panel.domain.Event.*;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Joining under a name someone in the meeting already has is mostly that person on a second device:
 * it is refused unless the newcomer says they are another person with the same name.
 */
class SameNameTest {
  static final Participant ANNA_DE_VRIES = new Participant("p-annadv", "Anna de Vries", Role.PARTICIPANT);

  /** Chris chairs; Anna, Bert, Anna de Vries take part; Olga observes. */
  static Given annaAndOlgaIn() {
    return given(started(), new ParticipantJoined(ANNA_DE_VRIES, 4));
  }

  @Test
  void aNameAlreadyInTheMeetingIsRefusedAndSaysWhoIsThere() {
    Rejected refused = annaAndOlgaIn().when("p-new", new JoinMeeting(CODE, "Anna de Vries", null))
        .thenRejected(Reason.CONFLICT);
    assertThat(refused.getMessage()).startsWith("someone called Anna de Vries is already in this meeting; ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anna de vries", "  ANNA DE VRIES\t", "Anna  de\u00a0Vries", "anna DE vries\n"})
  void theSameNameInOtherCaseOrSpacingIsTheSameName(String typed) {
    annaAndOlgaIn().when("p-new", new JoinMeeting(CODE, typed, null)).thenRejected(Reason.CONFLICT);
  }

  @Test
  void aNameWithAComposedAccentMatchesTheSameNameTypedWithACombiningOne() {
    given(started(), new ParticipantJoined(new Participant("p-zoe", "Zo\u00eb", Role.PARTICIPANT), 4))
        .when("p-new", new JoinMeeting(CODE, "zoe\u0308", null)).thenRejected(Reason.CONFLICT);
  }

  @Test
  void theChairsAndObserversNamesAreTakenToo() {
    annaAndOlgaIn().when("p-new", new JoinMeeting(CODE, "chris", null)).thenRejected(Reason.CONFLICT);
    annaAndOlgaIn().when("p-new", new JoinMeeting(CODE, "OLGA", Role.OBSERVER)).thenRejected(Reason.CONFLICT);
  }

  @Test
  void anotherPersonWithTheSameNameJoinsWhenTheySaySo() {
    annaAndOlgaIn().at(42).when("p-new", new JoinMeeting(CODE, "Anna de Vries", null, true))
        .then(new ParticipantJoined(new Participant("p-new", "Anna de Vries", Role.PARTICIPANT), 42));
  }

  @Test
  void aNameThatOnlyLooksAlikeIsAnotherName() {
    annaAndOlgaIn().at(42).when("p-new", new JoinMeeting(CODE, "Anna de Vr", null))
        .then(new ParticipantJoined(new Participant("p-new", "Anna de Vr", Role.PARTICIPANT), 42));
  }

  @Test
  void theNameOfSomeoneTheChairRemovedIsFreeAgain() {
    annaAndOlgaIn().when("p-new", new JoinMeeting(CODE, "anna", null)).thenRejected(Reason.CONFLICT);
    given(started(), new ParticipantRemoved(ANNA, SpeakingOrder.EMPTY))
        .at(42).when("p-new", new JoinMeeting(CODE, "anna", null))
        .then(new ParticipantJoined(new Participant("p-new", "anna", Role.PARTICIPANT), 42));
  }

  @Test
  void aWrongJoinCodeIsRefusedBeforeTheNameIsLookedAt() {
    // Otherwise a refusal would tell someone without the code who is in the meeting.
    annaAndOlgaIn().when("p-new", new JoinMeeting("WRON-GCOD", "Anna de Vries", null)).thenRejected(Reason.FORBIDDEN);
  }
}
