package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.intervision.panel.domain.Agenda;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Phase;
import org.junit.jupiter.api.Test;

/** A meeting recorded before phases carried cards, rated or kept the method's purpose still replays. */
class OlderAgendaTest {

  @Test
  void anAgendaWithoutCarriesRatingOrPurposeDecodesWithTheirDefaults() {
    Catalogue catalogue = CatalogueJson.load();
    Agenda now = catalogue.agenda(catalogue.method("socratische-methode-warm-koud").orElseThrow());
    JsonObject json = (JsonObject) RecordCodec.toJson(now);
    assertThat(json.containsKey("methodPurpose")).isTrue();
    json.remove("methodPurpose");
    for (String part : List.of("opening", "method", "closing")) {
      for (Object phase : json.getJsonArray(part)) {
        ((JsonObject) phase).remove("carries");
        ((JsonObject) phase).remove("rating");
      }
    }
    Agenda older = RecordCodec.fromJson(Agenda.class, json);
    assertThat(older.methodPurpose()).isNull();
    assertThat(older.phases()).allSatisfy(p -> {
      assertThat(p.carries()).isEmpty();
      assertThat(p.rates()).isFalse();
    });
    assertThat(older.shownIn(older.indexOf("socq-3-sort"))).containsExactly("socq-3-sort");
    assertThat(older.phases()).extracting(Phase::id).isEqualTo(now.phases().stream().map(Phase::id).toList());
  }

  @Test
  void aPhaseThatDoesNotRateIsWrittenWithoutTheField() {
    Catalogue catalogue = CatalogueJson.load();
    JsonArray phases = CatalogueJson.encode(catalogue, null).getJsonObject("frame").getJsonArray("opening");
    assertThat(phases.getJsonObject(0).containsKey("rating")).isFalse();
    assertThat(phases.getJsonObject(0).getJsonArray("carries")).isEmpty();
  }
}
