package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Phase;
import nl.intervision.panel.domain.Text;

/** Reads the method catalogue shipped in the jar, and writes it for {@code GET /api/methods}. */
public final class CatalogueJson {
  private CatalogueJson() {}

  public static final String RESOURCE = "/catalogue/methods.json";

  public static Catalogue load() {
    try (InputStream in = CatalogueJson.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return RecordCodec.fromJson(Catalogue.class, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param language null for both languages side by side, or the one language to write texts in */
  public static JsonObject encode(Catalogue catalogue, Language language) {
    JsonArray methods = new JsonArray();
    for (Method method : catalogue.methods()) {
      methods.add(new JsonObject()
          .put("id", method.id())
          .put("name", text(method.name(), language))
          .put("purpose", text(method.purpose(), language))
          .put("phases", phases(method.phases(), language)));
    }
    return new JsonObject()
        .put("frame", new JsonObject()
            .put("opening", phases(catalogue.frame().opening(), language))
            .put("closing", phases(catalogue.frame().closing(), language)))
        .put("methods", methods);
  }

  private static JsonArray phases(java.util.List<Phase> phases, Language language) {
    JsonArray array = new JsonArray();
    for (Phase phase : phases) {
      JsonObject json = (JsonObject) RecordCodec.toJson(phase);
      json.put("name", text(phase.name(), language)).put("guidance", text(phase.guidance(), language));
      array.add(json);
    }
    return array;
  }

  private static Object text(Text text, Language language) {
    return language == null ? RecordCodec.toJson(text) : text.in(language);
  }
}
