package nl.intervision.panel.group;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Texts;
import nl.intervision.panel.group.GroupCommand.QueueCase;
import nl.intervision.panel.group.GroupEvent.CaseQueued;
import nl.intervision.panel.group.GroupEvent.CaseWithdrawn;

/** Cases members put forward between meetings, for the chair to pick from at the start of the next one. */
public final class CaseQueue {
  private CaseQueue() {}

  /** The order the group sees the queue in: urgent cases first, then the longest waiting. */
  public static final Comparator<QueuedCase> ORDER = Comparator.comparing((QueuedCase c) -> !c.urgent())
      .thenComparingLong(QueuedCase::queuedAt);

  /** The cases still waiting, in {@link #ORDER}. */
  public static List<QueuedCase> waiting(GroupState state) {
    return state.caseQueue().stream().filter(QueuedCase::queued).sorted(ORDER).toList();
  }

  static List<GroupEvent> queue(GroupState state, String memberId, QueueCase c, long now, Supplier<String> newId) {
    String title = Texts.required("title", c.title(), GroupLimits.CASE_TITLE);
    String note = c.note() == null || c.note().isBlank() ? null : Texts.required("note", c.note(), GroupLimits.TEXT);
    if (waiting(state).size() >= GroupLimits.QUEUED_CASES) {
      throw Rejected.conflict(Refusal.CASE_QUEUE_FULL, "the queue already holds " + GroupLimits.QUEUED_CASES
          + " cases", "max", GroupLimits.QUEUED_CASES);
    }
    return List.of(new CaseQueued(new QueuedCase(Ids.queuedCase(newId), memberId, title, note, c.urgent(), now,
        QueuedCase.Status.QUEUED, null)));
  }

  static List<GroupEvent> withdraw(GroupState state, String caseId) {
    QueuedCase queued = GroupPermissions.queuedCase(state, caseId);
    if (!queued.queued()) {
      throw Rejected.conflict(Refusal.CASE_NOT_QUEUED, "case " + caseId + " was already taken up");
    }
    return List.of(new CaseWithdrawn(caseId));
  }
}
