package nl.intervision.panel.auth;

import java.time.Instant;

/**
 * Who a verified token says its bearer is, and until when. The role they have now is read from
 * the meeting, not from here.
 *
 * @param expiresAt the token's {@code exp}: a socket opened with it is closed then
 */
public record Identity(String meetingId, String participantId, Instant expiresAt) {}
