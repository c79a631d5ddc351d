package nl.intervision.panel.domain;

import java.util.List;

/** An intervision method as the catalogue describes it: its own phases, without the session frame. */
public record Method(String id, Text name, Text purpose, List<Phase> phases) {
  public Method {
    phases = phases == null ? List.of() : List.copyOf(phases);
  }
}
