package nl.intervision.panel.domain;

/**
 * How one person rated the meeting in its closing: a score and a single word. Said openly in the
 * group's evaluation round, so everyone in the meeting reads it, with the name.
 *
 * @param score 1 (poor) to 10 (excellent)
 */
public record Evaluation(String participantId, int score, String word) {}
