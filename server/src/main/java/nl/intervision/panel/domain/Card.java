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
 * @param done an action point that was carried out; absent (null) when not, so cards stored before it read the same
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
    String ownerId,
    Boolean done) {

  public enum Rating { WARM, NEUTRAL, COLD }

  public Card {
    voters = List.copyOf(voters);
    done = Boolean.TRUE.equals(done) ? Boolean.TRUE : null;
  }

  /** A card that is not (yet) done: every card but an action point carried out. */
  public Card(String id, String kind, String phaseId, String authorId, String text, List<String> voters,
      long createdAt, Long editedAt, boolean hidden, boolean anonymous, boolean authorRevealed, Rating rating,
      boolean key, boolean answered, String ownerId) {
    this(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed, rating,
        key, answered, ownerId, null);
  }

  public boolean isDone() {
    return Boolean.TRUE.equals(done);
  }

  /** Who may change an action point: who wrote it, who took it on, and the chair. */
  public boolean actionPointFor(String participantId) {
    return CardKind.ACTION_POINT.equals(kind) && (authorId.equals(participantId) || participantId.equals(ownerId));
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
        rating, key, answered, ownerId, done);
  }

  Card withVoters(List<String> newVoters) {
    return new Card(id, kind, phaseId, authorId, text, newVoters, createdAt, editedAt, hidden, anonymous,
        authorRevealed, rating, key, answered, ownerId, done);
  }

  Card revealed() {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, false, anonymous, authorRevealed,
        rating, key, answered, ownerId, done);
  }

  Card withAuthorRevealed() {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, true,
        rating, key, answered, ownerId, done);
  }

  Card withRating(Rating newRating) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        newRating, key, answered, ownerId, done);
  }

  Card withKey(boolean newKey) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, newKey, answered, ownerId, done);
  }

  Card withAnswered(boolean newAnswered) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, newAnswered, ownerId, done);
  }

  Card withOwner(String newOwnerId) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, answered, newOwnerId, done);
  }

  Card withDone(boolean newDone) {
    return new Card(id, kind, phaseId, authorId, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, answered, ownerId, newDone ? Boolean.TRUE : null);
  }

  /** The card as someone sees it who may know it exists but not read it: a placeholder. */
  Card placeholder(boolean showAuthor) {
    return new Card(id, kind, phaseId, showAuthor ? authorId : null, null, List.of(), createdAt, null, true, anonymous,
        false, null, false, false, null);
  }

  Card withoutAuthor() {
    return new Card(id, kind, phaseId, null, text, voters, createdAt, editedAt, hidden, anonymous, authorRevealed,
        rating, key, answered, ownerId, done);
  }
}
