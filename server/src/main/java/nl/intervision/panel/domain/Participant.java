package nl.intervision.panel.domain;

public record Participant(String id, String name, Role role) {
  public Participant withRole(Role newRole) {
    return new Participant(id, name, newRole);
  }
}
