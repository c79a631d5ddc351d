package nl.intervision.panel.group;

/**
 * Someone who belongs, or belonged, to a group. The id is also their participant id in every panel
 * meeting of the group, so owners, case-bringers and presence there are members here without a lookup.
 * A member who left stays in the list (with {@code leftAt}) only so the register can still name them.
 *
 * @param leftAt when they left or were removed; null while they belong to the group
 */
public record Member(String id, String name, MemberRole role, long joinedAt, Long leftAt) {

  public boolean current() {
    return leftAt == null;
  }

  public boolean facilitator() {
    return role == MemberRole.FACILITATOR;
  }

  Member withRole(MemberRole newRole) {
    return new Member(id, name, newRole, joinedAt, leftAt);
  }

  Member leftAt(long at) {
    return new Member(id, name, role, joinedAt, at);
  }
}
