package nl.intervision.panel.auth.platform;

/**
 * Who someone is according to their meeting platform, after the platform's proof was checked.
 *
 * @param meeting the platform's id for the meeting (room, meeting UUID...), as the platform names it
 * @param user a stable id for the person on that platform
 * @param organiser the platform itself says this person organises or moderates the meeting
 */
public record PlatformIdentity(String platform, String meeting, String user, String name, boolean organiser) {}
