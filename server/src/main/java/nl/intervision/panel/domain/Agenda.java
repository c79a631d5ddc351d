package nl.intervision.panel.domain;

import java.util.List;

/**
 * The phases one meeting runs through: the session frame around the chosen method.
 * A meeting keeps its own copy (it is part of the first event), so later edits to the catalogue
 * never change a meeting that already ran.
 */
public record Agenda(String methodId, Text methodName, List<Phase> phases) {
  public Agenda {
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("an agenda needs at least one phase");
    }
  }

  public int lastIndex() {
    return phases.size() - 1;
  }

  public Phase phase(int index) {
    return phases.get(index);
  }
}
