package nl.intervision.panel.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import nl.intervision.panel.domain.Language;

/**
 * Everything a group keeps, as one value the store saves whole (JSONB, compare-and-set on a version):
 * leaving and erasing must really remove text, which an append-only log could not. Lists keep the
 * order things happened in; members in join order. {@link #NONE} is a group that does not (or no
 * longer) exist.
 *
 * @param createdBy the member who created the group
 * @param usualMinutes how long the group usually meets, to preset a meeting's timing
 * @param actionPoints the action points carried from meeting to meeting
 * @param accounts platform sign-ins members linked to themselves; a member sees only which platforms they linked
 */
public record GroupState(
    String id,
    String name,
    Language language,
    String methodId,
    int usualMinutes,
    long createdAt,
    String createdBy,
    String joinCode,
    List<Member> members,
    List<GroupMeeting> meetings,
    List<QueuedCase> caseQueue,
    List<CarriedPoint> actionPoints,
    List<LearningPoint> learningPoints,
    List<Attendance> attendance,
    List<LinkedAccount> accounts) {

  public static final GroupState NONE = new GroupState(null, null, Language.NL, null, 0, 0, null, null,
      List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public GroupState {
    // A list added in a later version is absent from a state stored before it: read it as empty.
    members = copy(members);
    meetings = copy(meetings);
    caseQueue = copy(caseQueue);
    actionPoints = copy(actionPoints);
    learningPoints = copy(learningPoints);
    attendance = copy(attendance);
    accounts = copy(accounts);
  }

  public boolean exists() {
    return id != null;
  }

  public Optional<Member> member(String memberId) {
    return first(members, m -> m.id().equals(memberId));
  }

  /** A member who belongs to the group now: not one who left or was removed. */
  public Optional<Member> currentMember(String memberId) {
    return member(memberId).filter(Member::current);
  }

  public List<Member> currentMembers() {
    return members.stream().filter(Member::current).toList();
  }

  /** The current member a platform sign-in is linked to, if any. */
  public Optional<Member> memberWithAccount(String accountKey) {
    return first(accounts, a -> a.key().equals(accountKey)).flatMap(a -> currentMember(a.memberId()));
  }

  /** The platforms this member linked a sign-in of, in the order linked. */
  public List<String> linkedPlatforms(String memberId) {
    return accounts.stream().filter(a -> a.memberId().equals(memberId)).map(LinkedAccount::platform).toList();
  }

  public Optional<GroupMeeting> meeting(String groupMeetingId) {
    return first(meetings, m -> m.id().equals(groupMeetingId));
  }

  /** The meeting going on now, if any; there is at most one. */
  public Optional<GroupMeeting> openMeeting() {
    return first(meetings, GroupMeeting::open);
  }

  /** The meeting started last, open or not. */
  public Optional<GroupMeeting> latestMeeting() {
    return meetings.isEmpty() ? Optional.empty() : Optional.of(meetings.get(meetings.size() - 1));
  }

  public Optional<QueuedCase> queuedCase(String caseId) {
    return first(caseQueue, c -> c.id().equals(caseId));
  }

  public Optional<CarriedPoint> actionPoint(String pointId) {
    return first(actionPoints, p -> p.id().equals(pointId));
  }

  public Optional<LearningPoint> learningPoint(String pointId) {
    return first(learningPoints, p -> p.id().equals(pointId));
  }

  public Optional<Attendance> attendance(String groupMeetingId, String memberId) {
    return first(attendance, a -> a.of(groupMeetingId, memberId));
  }

  /**
   * The action points the next meeting's look-back starts with: open and carried on, agreed in an
   * earlier meeting than the one open now (a point agreed at the first case does not come back at the second).
   */
  public List<CarriedPoint> comingBack() {
    String open = openMeeting().map(GroupMeeting::id).orElse(null);
    return actionPoints.stream().filter(p -> p.status().comesBack() && !p.fromMeetingId().equals(open)).toList();
  }

  GroupState withSettings(String newName, Language newLanguage, String newMethodId, int newUsualMinutes) {
    return new GroupState(id, newName, newLanguage, newMethodId, newUsualMinutes, createdAt, createdBy, joinCode,
        members, meetings, caseQueue, actionPoints, learningPoints, attendance, accounts);
  }

  GroupState withMembers(List<Member> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        list, meetings, caseQueue, actionPoints, learningPoints, attendance, accounts);
  }

  GroupState withMeetings(List<GroupMeeting> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, list, caseQueue, actionPoints, learningPoints, attendance, accounts);
  }

  GroupState withCaseQueue(List<QueuedCase> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, meetings, list, actionPoints, learningPoints, attendance, accounts);
  }

  GroupState withActionPoints(List<CarriedPoint> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, meetings, caseQueue, list, learningPoints, attendance, accounts);
  }

  GroupState withLearningPoints(List<LearningPoint> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, meetings, caseQueue, actionPoints, list, attendance, accounts);
  }

  GroupState withAttendance(List<Attendance> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, meetings, caseQueue, actionPoints, learningPoints, list, accounts);
  }

  GroupState withAccounts(List<LinkedAccount> list) {
    return new GroupState(id, name, language, methodId, usualMinutes, createdAt, createdBy, joinCode,
        members, meetings, caseQueue, actionPoints, learningPoints, attendance, list);
  }

  static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    return copy;
  }

  static <T> List<T> without(List<T> list, Predicate<T> gone) {
    return list.stream().filter(gone.negate()).toList();
  }

  static <T> List<T> changed(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
    return list.stream().map(item -> which.test(item) ? change.apply(item) : item).toList();
  }

  private static <T> Optional<T> first(List<T> list, Predicate<T> match) {
    for (T item : list) {
      if (match.test(item)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
