package nl.intervision.panel.group;

import java.util.List;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Texts;
import nl.intervision.panel.group.GroupCommand.LinkAccount;
import nl.intervision.panel.group.GroupCommand.UnlinkAccount;
import nl.intervision.panel.group.GroupEvent.AccountLinked;
import nl.intervision.panel.group.GroupEvent.AccountUnlinked;

/** Members' platform sign-ins: one per platform each, and one sign-in belongs to one member of a group. */
final class Accounts {
  /** Longer than any platform name the server knows; a key is a fixed-length hash. */
  private static final int PLATFORM = 32;
  private static final int KEY = 128;

  private Accounts() {}

  static List<GroupEvent> link(GroupState state, String memberId, LinkAccount c, long now) {
    String platform = Texts.required("platform", c.platform(), PLATFORM);
    String key = Texts.required("accountKey", c.accountKey(), KEY);
    Member holder = state.memberWithAccount(key).orElse(null);
    if (holder != null && !holder.id().equals(memberId)) {
      // Two people on one device account (a shared office laptop) must not end up in each other's seat.
      throw Rejected.conflict(Refusal.ACCOUNT_LINKED_ELSEWHERE,
          "this sign-in already belongs to another member of this group", "platform", platform);
    }
    if (holder != null) {
      return List.of();
    }
    return List.of(new AccountLinked(new LinkedAccount(memberId, platform, key, now)));
  }

  static List<GroupEvent> unlink(GroupState state, String memberId, UnlinkAccount c) {
    String platform = Texts.required("platform", c.platform(), PLATFORM);
    return state.linkedPlatforms(memberId).contains(platform)
        ? List.of(new AccountUnlinked(memberId, platform))
        : List.of();
  }

  static GroupState linked(GroupState state, LinkedAccount account) {
    List<LinkedAccount> others = GroupState.without(state.accounts(),
        a -> a.memberId().equals(account.memberId()) && a.platform().equals(account.platform()));
    return state.withAccounts(GroupState.plus(others, account));
  }
}
