package nl.intervision.panel.domain;

/** A text the catalogue carries in both languages the product speaks. */
public record Text(String nl, String en) {
  public String in(Language language) {
    return language == Language.NL ? nl : en;
  }
}
