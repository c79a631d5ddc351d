package nl.intervision.panel.group;

/**
 * Who sends a group command: a member by id, someone not yet a member (creating or joining), or the
 * server itself (recording a meeting's outcome).
 *
 * @param memberId null for a newcomer
 */
public record GroupActor(String memberId) {

  public static final GroupActor NEWCOMER = new GroupActor(null);
  public static final GroupActor SERVER = new GroupActor(nl.intervision.panel.domain.Envelope.SERVER);

  public static GroupActor member(String memberId) {
    return new GroupActor(memberId);
  }

  public boolean server() {
    return SERVER.equals(this);
  }
}
