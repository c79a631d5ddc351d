package nl.intervision.panel.domain;

/** What a person is in a meeting. Observers read along but never change anything. */
public enum Role {
  CHAIR, PARTICIPANT, OBSERVER;

  public boolean mayWrite() {
    return this != OBSERVER;
  }
}
