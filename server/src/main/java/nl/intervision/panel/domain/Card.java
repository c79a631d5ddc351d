package nl.intervision.panel.domain;

import java.util.List;

/** Something a participant put on the shared board: a question, an advice, a recognition... */
public record Card(
    String id,
    String kind,
    String phaseId,
    String authorId,
    String text,
    List<String> voters,
    long createdAt,
    Long editedAt) {

  public Card {
    voters = List.copyOf(voters);
  }

  public int votes() {
    return voters.size();
  }

  public Card withText(String newText, long at) {
    return new Card(id, kind, phaseId, authorId, newText, voters, createdAt, at);
  }

  public Card withVoters(List<String> newVoters) {
    return new Card(id, kind, phaseId, authorId, text, newVoters, createdAt, editedAt);
  }
}
