package nl.intervision.panel.domain;

import java.util.List;

/**
 * Something a participant put on the shared board: a question, a hypothesis, an advice, a
 * recognition, an action point...
 *
 * @param hidden written in a silent phase and not yet revealed: only its author sees the text
 * @param anonymous written in an anonymous phase: nobody but its author learns who wrote it, unless they reveal it
 * @param rating how the case-bringer received it, or null
 * @param key the case-bringer's key question
 * @param ownerId who takes an action point on, or null
 */
public record Card(
    String id,
    String kind,
    String phaseId,
    String authorId,
    String text,
    List<String> voters,
    long createdAt,
    Long editedAt,
    boolean hidden,
    boolean anonymous,
    boolean authorRevealed,
    Rating rating,
    boolean key,
    boolean answered,
    String ownerId) {

  public enum Rating { WARM, NEUTRAL, COLD }

  public Card {
    voters = List.copyOf(voters);
  }

  public int votes() {
    return voters.size();
  }

  /** Whether this person may read who wrote it. */
  public boolean authorKnownTo(String participantId) {
    return !anonymous || authorRevealed || authorId.equals(participantId);
  }

  Card withText(String newText, long at) {
    return new Card(id, kind, phaseId, authorId, newText, voters, createdAt, at, hidden, anonymous, authorRevealed,
        rating, key, answered, ownerId);
  }

  Card withVoters(List<String> newVoters) {
    return new Card(id, kind, phaseId, authorId, text, newVoters, createdAt, editedAt, hidden, anonymous,
        authorRevealed, rating, key, answered, ownerId);
  }

  Card revealed() {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, false, anonymous, authorRevealed,
        rating, key, answered, ownerId);
  }

  Card withAuthorRevealed() {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, true,
        rating, key, answered, ownerId);
  }

  Card withRating(Rating newRating) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        newRating, key, answered, ownerId);
  }

  Card withKey(boolean newKey) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, newKey, answered, ownerId);
  }

  Card withAnswered(boolean newAnswered) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, newAnswered, ownerId);
  }

  /** The card as someone sees it who may know it exists but not read it: a placeholder. */
  Card placeholder(boolean showAuthor) {
    return new Card(id, kind, phaseId, showAuthor ? authorId : null, null, List.of(), createdAt, null, true, anonymous,
        false, null, false, false, null);
  }

  Card withoutAuthor() {
    return new Card(id, kind, phaseId, null, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, answered, ownerId);
  }
}
