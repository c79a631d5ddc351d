package nl.intervision.panel.group;

import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Texts;
import nl.intervision.panel.group.GroupEvent.*;
import nl.intervision.panel.group.LearningPoint.Sharing;

/**
 * A member's own learning points and their notes. Only the owner writes them ({@link GroupPermissions});
 * who else reads them is {@link GroupView}'s one rule.
 */
final class LearningPoints {
  private LearningPoints() {}

  static List<GroupEvent> write(GroupState state, String memberId, String text, Sharing sharing, long now,
      Supplier<String> newId) {
    String written = Texts.required("text", text, GroupLimits.TEXT);
    long own = state.learningPoints().stream().filter(p -> p.memberId().equals(memberId)).count();
    if (own >= GroupLimits.LEARNING_POINTS_PER_MEMBER) {
      throw Rejected.conflict(Refusal.LEARNING_POINTS_FULL, "you already have "
          + GroupLimits.LEARNING_POINTS_PER_MEMBER + " learning points", "max", GroupLimits.LEARNING_POINTS_PER_MEMBER);
    }
    return List.of(new LearningPointWritten(new LearningPoint(Ids.learningPoint(newId), memberId, written,
        sharing == null ? Sharing.PRIVATE : sharing, now, List.of())));
  }

  static List<GroupEvent> note(GroupState state, String pointId, String text, long now) {
    String written = Texts.required("text", text, GroupLimits.TEXT);
    LearningPoint point = state.learningPoint(pointId).orElseThrow();
    if (point.notes().size() >= GroupLimits.NOTES_PER_LEARNING_POINT) {
      throw Rejected.conflict(Refusal.LEARNING_POINT_NOTES_FULL, "this learning point already has "
          + GroupLimits.NOTES_PER_LEARNING_POINT + " notes", "max", GroupLimits.NOTES_PER_LEARNING_POINT);
    }
    String meetingId = state.openMeeting().map(GroupMeeting::id).orElse(null);
    return List.of(new LearningPointNoted(pointId, new LearningPoint.Note(meetingId, now, written)));
  }

  static List<GroupEvent> share(GroupState state, String pointId, Sharing sharing) {
    if (sharing == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "sharing is required", "field", "sharing");
    }
    return state.learningPoint(pointId).orElseThrow().sharing() == sharing ? List.of()
        : List.of(new LearningPointShared(pointId, sharing));
  }
}
