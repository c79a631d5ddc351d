package nl.intervision.panel.room;

import java.util.List;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Recorded;

/**
 * What a member gets on arrival: the state at {@code seq}, and the batches it missed since the
 * seq it last saw, or {@code resync} when those can no longer be replayed and the state must do.
 * Every batch after {@code seq} is then delivered live.
 */
public record Welcome(MeetingState state, long seq, List<Recorded> missed, boolean resync) {}
