package nl.intervision.panel.domain;

import static nl.intervision.panel.domain.Given.given;
import static nl.intervision.panel.domain.Meetings.*;
import static org.assertj.core.api.Assertions.assertThat;

import nl.intervision.panel.domain.Command.OpenInvitations;
import nl.intervision.panel.domain.Event.InvitationsOpened;
import nl.intervision.panel.domain.Rejected.Reason;
import org.junit.jupiter.api.Test;

/** Who sees the join code: the chair always, participants once the chair opens invitations, observers never. */
class InvitationRulesTest {

  static Participant person(MeetingState state, String id) {
    return state.participant(id).orElseThrow();
  }

  @Test
  void onlyTheChairSeesTheJoinCodeOfANewMeeting() {
    MeetingState state = Meeting.replay(MeetingState.NEW, started());
    assertThat(Visibility.joinCodeFor(state, person(state, CHAIR))).isEqualTo(CODE);
    assertThat(Visibility.joinCodeFor(state, person(state, ANNA))).isNull();
    assertThat(Visibility.joinCodeFor(state, person(state, OLGA))).isNull();
    assertThat(Visibility.stateFor(state, person(state, ANNA)).joinCode()).isNull();
  }

  @Test
  void theChairOpensInvitationsAndParticipantsButNotObserversThenSeeTheCode() {
    given(started()).when(CHAIR, new OpenInvitations(true)).then(new InvitationsOpened(true));
    MeetingState open = Meeting.replay(MeetingState.NEW, started());
    open = Meeting.evolve(open, new InvitationsOpened(true));
    assertThat(open.invitesOpen()).isTrue();
    assertThat(Visibility.joinCodeFor(open, person(open, ANNA))).isEqualTo(CODE);
    assertThat(Visibility.joinCodeFor(open, person(open, OLGA))).isNull();
    MeetingState closedAgain = Meeting.evolve(open, new InvitationsOpened(false));
    assertThat(Visibility.joinCodeFor(closedAgain, person(closedAgain, ANNA))).isNull();
  }

  @Test
  void openingWhatIsOpenChangesNothing() {
    given(started(), new InvitationsOpened(true)).when(CHAIR, new OpenInvitations(true)).then();
  }

  @Test
  void onlyTheChairOpensInvitations() {
    given(started()).when(ANNA, new OpenInvitations(true)).thenRejected(Reason.FORBIDDEN);
    given(started()).when(OLGA, new OpenInvitations(true)).thenRejected(Reason.FORBIDDEN);
  }

  @Test
  void aFormerChairNoLongerSeesTheCodeUnlessInvitationsAreOpen() {
    MeetingState state = Meeting.replay(MeetingState.NEW, started());
    state = Meeting.evolve(state, new Event.ChairHandedOver(CHAIR, ANNA, "handed-over"));
    assertThat(Visibility.joinCodeFor(state, person(state, CHAIR))).isNull();
    assertThat(Visibility.joinCodeFor(state, person(state, ANNA))).isEqualTo(CODE);
  }
}
