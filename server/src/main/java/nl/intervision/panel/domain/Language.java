package nl.intervision.panel.domain;

/** The languages a meeting can be held in; on the wire "nl" and "en". */
public enum Language {
  NL, EN
}
