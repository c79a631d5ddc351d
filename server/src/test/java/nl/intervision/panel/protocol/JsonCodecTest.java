package nl.intervision.panel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Every frame is encoded by Vert.x's JSON codec. With jackson-databind on the class path Vert.x picks
 * its databind codec, which builds serializers per call and cost measurable CPU per frame
 * (docs/PERFORMANCE.md); this fails if a dependency brings databind back.
 */
class JsonCodecTest {

  @Test
  void framesAreEncodedByTheStreamingCodecWithoutDatabind() {
    assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(Json.CODEC.getClass().getName()).isEqualTo("io.vertx.core.json.jackson.JacksonCodec");
  }
}
