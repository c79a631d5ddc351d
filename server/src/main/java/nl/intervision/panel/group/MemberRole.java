package nl.intervision.panel.group;

/**
 * What someone is in a group. A facilitator (begeleider) guides the group: they never bring a case and
 * are not in the chair rotation, but may chair when the group names them.
 */
public enum MemberRole {
  MEMBER, FACILITATOR
}
