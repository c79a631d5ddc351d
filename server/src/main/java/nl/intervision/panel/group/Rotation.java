package nl.intervision.panel.group;

import java.util.HashMap;
import java.util.Map;

/**
 * Who chairs next: the member who chaired least recently, so that the chair goes round the group
 * ("per bijeenkomst is een van de deelnemers procesbegeleider"). Only a suggestion: the group may
 * name anyone when it starts the meeting.
 */
public final class Rotation {
  private Rotation() {}

  /**
   * Among current members who are not facilitators: someone who never chaired first, otherwise who
   * chaired longest ago; between equals, who joined first.
   *
   * @return null when the group has no such member
   */
  public static String suggestedChair(GroupState state) {
    Map<String, Long> lastChaired = new HashMap<>();
    for (GroupMeeting meeting : state.meetings()) {
      lastChaired.merge(meeting.chairId(), meeting.startedAt(), Math::max);
    }
    String best = null;
    long bestLast = Long.MAX_VALUE;
    // Members are kept in join order, so the first of equals found is who joined first.
    for (Member member : state.currentMembers()) {
      if (member.facilitator()) {
        continue;
      }
      long last = lastChaired.getOrDefault(member.id(), Long.MIN_VALUE);
      if (best == null || last < bestLast) {
        best = member.id();
        bestLast = last;
      }
    }
    return best;
  }
}
