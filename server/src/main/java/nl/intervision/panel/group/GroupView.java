package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;

/**
 * A group as one member may see it: the one place that decides what a reader of a group gets.
 * Everyone who belongs sees the group, its members, its meetings, the case queue (urgent first) and the
 * action points (they are the group's agreements), and the join code (any member may invite). Learning
 * points: one's own, and others' only as their owner shares them. The register: one's own rows, or the
 * whole group's for a facilitator and for whoever chaired the latest meeting (the chair of the group now).
 *
 * @param me the reader, with what they may do
 * @param members who belongs now, in join order (who left is not listed; the register still names them)
 * @param suggestedChair {@link Rotation#suggestedChair}, or null
 * @param caseQueue waiting cases urgent first and then oldest first, followed by those picked for the open meeting
 */
public record GroupView(String id, String name, Language language, String methodId, int usualMinutes,
    String joinCode, Me me, List<Member> members, String suggestedChair, List<GroupMeeting> meetings,
    List<QueuedCase> caseQueue, List<CarriedPoint> actionPoints, List<LearningPoint> learningPoints,
    Register register) {

  /**
   * @param steward may remove members, name facilitators, change settings and erase ({@link GroupPermissions})
   * @param wholeRegister reads everyone's rows of the register
   * @param linkedPlatforms the platforms whose sign-in finds this member's seat; nobody else sees them
   */
  public record Me(String memberId, String name, MemberRole role, boolean steward, boolean wholeRegister,
      List<String> linkedPlatforms) {}

  /** @throws Rejected not-a-group-member for who does not (or no longer) belong: they see nothing */
  public static GroupView of(GroupState state, String viewerId) {
    if (!state.exists()) {
      throw Rejected.notFound(Refusal.GROUP_NOT_FOUND, "no such group");
    }
    Member viewer = (viewerId == null ? null : state.currentMember(viewerId).orElse(null));
    if (viewer == null) {
      throw Rejected.forbidden(Refusal.NOT_A_GROUP_MEMBER, "you are not (or no longer) a member of this group");
    }
    boolean whole = readsWholeRegister(state, viewer);
    List<QueuedCase> queue = new ArrayList<>(CaseQueue.waiting(state));
    state.caseQueue().stream().filter(c -> !c.queued()).forEach(queue::add);
    return new GroupView(state.id(), state.name(), state.language(), state.methodId(), state.usualMinutes(),
        state.joinCode(),
        new Me(viewer.id(), viewer.name(), viewer.role(), GroupPermissions.isSteward(state, viewer.id()), whole,
            state.linkedPlatforms(viewer.id())),
        state.currentMembers(), Rotation.suggestedChair(state), state.meetings(), queue, state.actionPoints(),
        state.learningPoints().stream().filter(p -> mayRead(viewer, p)).toList(),
        Register.of(state, memberId -> whole || memberId.equals(viewer.id())));
  }

  /** Whether this member may read this learning point at all. */
  public static boolean mayRead(Member reader, LearningPoint point) {
    return switch (point.sharing()) {
      case PRIVATE -> point.memberId().equals(reader.id());
      case GROUP -> true;
      case FACILITATOR -> point.memberId().equals(reader.id()) || reader.facilitator();
    };
  }

  /** A facilitator, and who chaired the latest meeting, keep the register for the group. */
  public static boolean readsWholeRegister(GroupState state, Member reader) {
    return reader.facilitator() || state.latestMeeting().map(m -> reader.id().equals(m.chairId())).orElse(false);
  }
}
