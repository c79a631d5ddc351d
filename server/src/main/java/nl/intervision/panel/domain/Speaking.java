package nl.intervision.panel.domain;

/** How a phase is spoken in: by everyone in turn, freely with raised hands, or by one person. */
public enum Speaking {
  ROUND, FREE, CASE_BRINGER, CHAIR
}
