package nl.intervision.panel.auth;

/** Who a verified token says its bearer is. The role they have now is read from the meeting, not from here. */
public record Identity(String meetingId, String participantId) {}
