package nl.intervision.panel.room;

import java.util.List;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Touched;

/**
 * What a member gets on arrival: the state at {@code seq}, and the batches it missed since the
 * seq it last saw, or {@code resync} when those can no longer be replayed and the state must do.
 * Every batch after {@code seq} is then delivered live.
 *
 * @param touched what the missed batches changed together, when the room still had them in memory
 *     (so a member can be brought up to date with only the changes); null otherwise
 */
public record Welcome(MeetingState state, long seq, List<Recorded> missed, boolean resync, Touched touched) {}
