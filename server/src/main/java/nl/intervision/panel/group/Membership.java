package nl.intervision.panel.group;

import java.util.List;
import java.util.function.Supplier;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Texts;
import nl.intervision.panel.group.GroupCommand.*;
import nl.intervision.panel.group.GroupEvent.*;

/** The group itself and who belongs to it: starting it, joining, roles, settings, leaving. */
final class Membership {
  private Membership() {}

  static List<GroupEvent> create(CreateGroup c, long now, Supplier<String> newId) {
    String name = Texts.required("name", c.name(), GroupLimits.GROUP_NAME);
    String creatorName = Texts.required("creatorName", c.creatorName(), GroupLimits.NAME);
    if (c.joinCode() == null || c.joinCode().isBlank()) {
      throw Rejected.badRequest(Refusal.BAD_COMMAND, "a group needs a join code");
    }
    Language language = c.language() == null ? Language.NL : c.language();
    int minutes = usualMinutes(c.usualMinutes(), GroupLimits.USUAL_MINUTES);
    MemberRole role = c.creatorRole() == null ? MemberRole.MEMBER : c.creatorRole();
    String groupId = newId.get();
    Member creator = new Member(Ids.member(newId), creatorName, role, now, null);
    return List.of(new GroupCreated(groupId, name, language, methodId(c.methodId()), minutes, c.joinCode(), creator,
        now));
  }

  static List<GroupEvent> join(GroupState state, JoinGroup c, long now, Supplier<String> newId) {
    String name = Texts.required("name", c.name(), GroupLimits.NAME);
    if (state.currentMembers().size() >= GroupLimits.MEMBERS) {
      throw Rejected.conflict(Refusal.GROUP_FULL, "this group is full (" + GroupLimits.MEMBERS + " members)",
          "max", GroupLimits.MEMBERS);
    }
    return List.of(new MemberJoined(new Member(Ids.member(newId), name, MemberRole.MEMBER, now, null)));
  }

  static List<GroupEvent> setRole(GroupState state, SetMemberRole c) {
    Member member = current(state, c.memberId());
    if (c.role() == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "role is required", "field", "role");
    }
    return member.role() == c.role() ? List.of() : List.of(new MemberRoleSet(member.id(), c.role()));
  }

  static List<GroupEvent> updateSettings(GroupState state, UpdateSettings c) {
    String name = c.name() == null ? state.name() : Texts.required("name", c.name(), GroupLimits.GROUP_NAME);
    Language language = c.language() == null ? state.language() : c.language();
    String methodId = c.methodId() == null ? state.methodId() : methodId(c.methodId());
    int minutes = usualMinutes(c.usualMinutes(), state.usualMinutes());
    if (name.equals(state.name()) && language == state.language() && methodId.equals(state.methodId())
        && minutes == state.usualMinutes()) {
      return List.of();
    }
    return List.of(new SettingsUpdated(name, language, methodId, minutes));
  }

  static List<GroupEvent> remove(GroupState state, String actorId, String memberId, long now) {
    Member leaving = current(state, memberId);
    return List.of(new MemberLeft(leaving.id(), !leaving.id().equals(actorId), now));
  }

  static Member current(GroupState state, String memberId) {
    if (memberId == null) {
      throw Rejected.badRequest(Refusal.FIELD_REQUIRED, "memberId is required", "field", "memberId");
    }
    return state.currentMember(memberId).orElseThrow(() -> Rejected.notFound(Refusal.MEMBER_NOT_FOUND,
        "no member " + memberId + " in this group"));
  }

  /** The service checks a catalogue id against the catalogue; here only its shape, for it is stored. */
  private static String methodId(String methodId) {
    return Texts.required("methodId", methodId, GroupLimits.METHOD_ID);
  }

  private static int usualMinutes(Integer given, int otherwise) {
    if (given == null) {
      return otherwise;
    }
    if (given < GroupLimits.MIN_MINUTES || given > GroupLimits.MAX_MINUTES) {
      throw Rejected.badRequest(Refusal.MINUTES_OUT_OF_RANGE, "usualMinutes must be " + GroupLimits.MIN_MINUTES
          + " to " + GroupLimits.MAX_MINUTES, "min", GroupLimits.MIN_MINUTES, "max", GroupLimits.MAX_MINUTES);
    }
    return given;
  }
}
