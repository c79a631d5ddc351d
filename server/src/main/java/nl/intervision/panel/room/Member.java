package nl.intervision.panel.room;

import java.util.Set;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Touched;

/** Someone connected to a live meeting: a socket, seen from the room. Called on the room's event loop. */
public interface Member {

  String participantId();

  /** Called once, before any {@link #deliver}: where this member starts. */
  void welcome(Welcome welcome, Set<String> online);

  /**
   * Every batch, in seq order, with what it changed and the state after it; the member decides what
   * its person may see.
   */
  void deliver(Recorded batch, Touched touched, MeetingState after);

  /** The meeting's content was erased: the member must go. */
  void meetingGone();

  /** Who is connected right now changed. Presence is never stored. */
  void presence(MeetingState state, Set<String> online);
}
