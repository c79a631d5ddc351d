package nl.intervision.panel.entry;

import nl.intervision.panel.domain.Role;

/** Someone's place in a meeting: who they are there, their role, and the meeting token that opens it. */
public record Seat(String meetingId, String participantId, Role role, String token) {}
