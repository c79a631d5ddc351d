package nl.intervision.panel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/openapi.yaml is an OpenAPI 3.1 document a client's tools accept: valid against the OpenAPI
 * Initiative's own JSON Schema for 3.1 (which also holds every Schema Object to the OAS dialect), every
 * $ref resolving, every path parameter declared, and every error answer using the codes and reasons
 * the server has (docs/PROTOCOL.md section 8).
 */
class ApiDocumentTest {
  private static final String OAS_31 = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";
  private static final Schema OPENAPI_31 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          registry -> registry.schemaIdResolvers(ids -> ids.mapPrefix("https://spec.openapis.org/oas/3.1", "classpath:oas/3.1")))
      .getSchema(SchemaLocation.of(OAS_31));

  final ApiDocument doc = ApiDocument.load();

  @Test
  void isAValidOpenApi31Document() {
    assertThat(doc.root.path("openapi").asString()).startsWith("3.1.");
    assertThat(OPENAPI_31.validate(doc.root)).isEmpty();
  }

  /** Without this the test above could pass on a validator that looks at nothing. */
  @Test
  void theValidatorRefusesADocumentWithAMistakeInIt() {
    assertThat(mistakes(d -> ((ObjectNode) d.at("/paths/~1api~1meetings/post/responses/201")).remove("description")))
        .as("a response without its description").isNotEmpty();
    assertThat(mistakes(d -> ((ObjectNode) d.at("/paths/~1api~1meetings/post")).put("summmary", "typo")))
        .as("an operation with a field OpenAPI does not have").isNotEmpty();
    assertThat(mistakes(d -> ((ObjectNode) d.at("/components/schemas/Seat")).put("type", "objekt")))
        .as("a schema of a type JSON Schema does not have").isNotEmpty();
    assertThat(mistakes(d -> ((ObjectNode) d.at("/components/parameters/MeetingId")).put("required", false)))
        .as("a path parameter that is not required").isNotEmpty();
  }

  private List<Error> mistakes(Consumer<JsonNode> mistake) {
    JsonNode copy = doc.root.deepCopy();
    mistake.accept(copy);
    return OPENAPI_31.validate(copy);
  }

  @Test
  void everyReferenceLeadsSomewhere() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc.root, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/");
      assertThat(doc.root.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    });
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("$ref") && e.getValue().isString()) {
          refs.add(e.getValue().asString());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(item -> collectRefs(item, refs));
    }
  }

  @Test
  void everyOperationHasItsOwnIdAndDeclaresEveryParameterOfItsPath() {
    Set<String> ids = new HashSet<>();
    for (ApiDocument.Operation op : doc.operations()) {
      assertThat(op.id()).as(op.method() + " " + op.template()).isNotBlank();
      assertThat(ids.add(op.id())).as("operationId %s used twice", op.id()).isTrue();
      Set<String> declared = new TreeSet<>();
      JsonNode pathItem = doc.root.path("paths").path(op.template());
      for (JsonNode list : List.of(pathItem.path("parameters"), op.node().path("parameters"))) {
        list.forEach(p -> {
          JsonNode param = p.has("$ref") ? doc.root.at(p.get("$ref").asString().substring(1)) : p;
          if (param.path("in").asString().equals("path")) {
            declared.add(param.path("name").asString());
          }
        });
      }
      Set<String> inTemplate = new TreeSet<>();
      Matcher names = Pattern.compile("\\{([^}]+)}").matcher(op.template());
      while (names.find()) {
        inTemplate.add(names.group(1));
      }
      assertThat(declared).as("path parameters of %s", op.id()).isEqualTo(inTemplate);
    }
  }

  /**
   * Each status's error code is the one the server gives that status, and each reason is one the server
   * has: a typo in a reason would otherwise pass unnoticed wherever the test cannot make that error happen.
   */
  @Test
  void everyErrorAnswerNamesTheCodeOfItsStatusAndReasonsTheServerHas() {
    Set<String> reasons = new HashSet<>();
    Arrays.stream(Refusal.values()).forEach(r -> reasons.add(r.wire()));
    int checked = 0;
    for (ApiDocument.Operation op : doc.operations()) {
      for (var entry : op.node().path("responses").properties()) {
        int status = Integer.parseInt(entry.getKey());
        JsonNode response = entry.getValue().has("$ref")
            ? doc.root.at(entry.getValue().get("$ref").asString().substring(1)) : entry.getValue();
        JsonNode schema = response.at("/content/application~1json/schema");
        if (status < 400 || !schema.path("$ref").asString("").equals("#/components/schemas/Error")) {
          continue;
        }
        String where = op.id() + " " + status;
        ErrorCode code = Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == status).findFirst()
            .orElseThrow(() -> new AssertionError(where + ": the server has no error code for this status"));
        assertThat(schema.at("/properties/error/const").asString(null)).as(where).isEqualTo(code.wire());
        JsonNode reason = schema.at("/properties/reason");
        List<String> named = new ArrayList<>();
        if (reason.has("const")) {
          named.add(reason.get("const").asString());
        }
        reason.path("enum").forEach(r -> named.add(r.asString()));
        assertThat(named).as("the reasons of %s", where).isNotEmpty();
        assertThat(reasons).as("the reasons of %s", where).containsAll(named);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** Every path under /api/ answers with the Error shape; only the probes and metrics have their own. */
  @Test
  void everyApiErrorHasTheErrorShape() {
    for (ApiDocument.Operation op : doc.operations()) {
      if (!op.template().startsWith("/api/")) {
        continue;
      }
      op.node().path("responses").properties().forEach(entry -> {
        if (Integer.parseInt(entry.getKey()) >= 400) {
          JsonNode response = entry.getValue().has("$ref")
              ? doc.root.at(entry.getValue().get("$ref").asString().substring(1)) : entry.getValue();
          assertThat(response.at("/content/application~1json/schema/$ref").asString(null))
              .as(op.id() + " " + entry.getKey()).isEqualTo("#/components/schemas/Error");
        }
      });
    }
  }
}
