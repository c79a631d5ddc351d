package nl.intervision.panel.group;

/**
 * A member's sign-in on a meeting platform, linked so that the platform's word is enough to find their
 * seat on another device. The key is a keyed hash of the platform's user id, made at the edge: the group
 * keeps no platform identifier anyone could look up elsewhere.
 *
 * @param platform as the server names it ({@code teams}, {@code google-meet}, {@code jitsi}, {@code zoom}, {@code webex})
 */
public record LinkedAccount(String memberId, String platform, String key, long linkedAt) {}
