package nl.intervision.panel.group;

import static nl.intervision.panel.group.GroupGiven.given;
import static nl.intervision.panel.group.TheGroup.*;
import static org.assertj.core.api.Assertions.assertThat;

import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;
import org.junit.jupiter.api.Test;

/** A member links their platform sign-in so the platform's word finds their seat on another device. */
class LinkedAccountsTest {
  static final long NOW = JAN_2026 + 30 * DAY;

  static AccountLinked linked(String memberId, String platform, String key) {
    return new AccountLinked(new LinkedAccount(memberId, platform, key, NOW));
  }

  @Test
  void aMemberLinksASignInAndItFindsThemAndOnlyThemSeeWhichPlatform() {
    GroupState state = given(created()).at(NOW).when(BERT, new LinkAccount("teams", "k-bert")).thenState();

    assertThat(state.memberWithAccount("k-bert")).map(Member::id).contains(BERT);
    assertThat(state.memberWithAccount("k-other")).isEmpty();
    assertThat(GroupView.of(state, BERT).me().linkedPlatforms()).containsExactly("teams");
    assertThat(GroupView.of(state, ANNA).me().linkedPlatforms()).isEmpty();
  }

  @Test
  void aNewerSignInOnTheSamePlatformReplacesTheOlderAndOtherPlatformsStay() {
    GroupState state = given(createdAnd(linked(BERT, "teams", "k-old"), linked(BERT, "jitsi", "k-jitsi")))
        .at(NOW).when(BERT, new LinkAccount("teams", "k-new")).thenState();

    assertThat(state.memberWithAccount("k-old")).isEmpty();
    assertThat(state.memberWithAccount("k-new")).map(Member::id).contains(BERT);
    assertThat(state.linkedPlatforms(BERT)).containsExactly("jitsi", "teams");
  }

  @Test
  void oneSignInBelongsToOneMember() {
    given(createdAnd(linked(BERT, "teams", "k-shared-laptop")))
        .when(CARLA, new LinkAccount("teams", "k-shared-laptop")).thenRefused(Refusal.ACCOUNT_LINKED_ELSEWHERE);
  }

  @Test
  void linkingWhatIsLinkedAndForgettingWhatIsNotChangeNothing() {
    given(createdAnd(linked(BERT, "teams", "k-bert"))).when(BERT, new LinkAccount("teams", "k-bert")).then();
    given(created()).when(BERT, new UnlinkAccount("teams")).then();
  }

  @Test
  void forgettingASignInMeansItNoLongerFindsTheMember() {
    given(createdAnd(linked(BERT, "teams", "k-bert"))).when(BERT, new UnlinkAccount("teams"))
        .then(new AccountUnlinked(BERT, "teams"));
    GroupState state = given(createdAnd(linked(BERT, "teams", "k-bert"))).when(BERT, new UnlinkAccount("teams"))
        .thenState();
    assertThat(state.memberWithAccount("k-bert")).isEmpty();
  }

  @Test
  void aMemberWhoLeavesTakesTheirSignInsAlong() {
    GroupState state = given(createdAnd(linked(BERT, "teams", "k-bert"), linked(CARLA, "teams", "k-carla")))
        .when(BERT, new LeaveGroup()).thenState();

    assertThat(state.accounts()).extracting(LinkedAccount::memberId).containsExactly(CARLA);
    // Someone else may link that sign-in now: it no longer belongs to anyone here.
    given(createdAnd(linked(BERT, "teams", "k-bert"), new MemberLeft(BERT, false, NOW)))
        .when(CARLA, new LinkAccount("teams", "k-bert")).then(linked(CARLA, "teams", "k-bert"));
  }

  @Test
  void aPlatformAndAKeyAreRequired() {
    given(created()).when(BERT, new LinkAccount(null, "k")).thenRefused(Refusal.FIELD_REQUIRED);
    given(created()).when(BERT, new LinkAccount("teams", " ")).thenRefused(Refusal.FIELD_REQUIRED);
  }
}
