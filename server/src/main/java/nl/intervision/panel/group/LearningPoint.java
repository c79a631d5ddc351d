package nl.intervision.panel.group;

import java.util.List;

/**
 * What one member wants to learn over the programme, written by them and theirs alone: private unless
 * they share it, deleted when they leave. Short notes per meeting are its history across meetings.
 */
public record LearningPoint(String id, String memberId, String text, Sharing sharing, long writtenAt,
    List<Note> notes) {

  /** Who else may read it: nobody, the whole group, or the group's facilitators. */
  public enum Sharing { PRIVATE, GROUP, FACILITATOR }

  /** @param meetingId the group meeting that was open when it was written; null between meetings */
  public record Note(String meetingId, long at, String text) {}

  public LearningPoint {
    notes = List.copyOf(notes);
  }

  LearningPoint withSharing(Sharing newSharing) {
    return new LearningPoint(id, memberId, text, newSharing, writtenAt, notes);
  }

  LearningPoint withNote(Note note) {
    return new LearningPoint(id, memberId, text, sharing, writtenAt, GroupState.plus(notes, note));
  }
}
