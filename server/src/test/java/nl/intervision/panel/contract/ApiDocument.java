package nl.intervision.panel.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/openapi.yaml as the contract tests read it: which operation a request is, what the document says
 * it answers with a status, and whether an answer is that. Schemas are checked by a JSON Schema validator
 * in OpenAPI 3.1's dialect, on the document's own text, so a $ref resolves exactly as a client's tool
 * would resolve it.
 */
final class ApiDocument {
  static final Path SOURCE = Path.of("../docs/openapi.yaml");
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** The name the validator knows the document by; never fetched, for its text is handed over. */
  private static final String ID = "https://intervision-panel.invalid/openapi.yaml";

  /** One operation of the document: a method on a path template. */
  record Operation(String method, String template, String id, JsonNode node) {
    String pointer() {
      return "/paths/" + escape(template) + "/" + method;
    }
  }

  /** An answer as it came over the wire. */
  record Answer(int status, MultiMap headers, String body) {}

  final String text;
  final JsonNode root;
  private final SchemaRegistry schemas;
  private final List<Operation> operations = new ArrayList<>();

  private ApiDocument(String text) {
    this.text = text;
    this.root = parse(text);
    this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), registry -> registry.schemas(Map.of(ID, text)));
    root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      if (METHODS.contains(entry.getKey())) {
        operations.add(new Operation(entry.getKey(), path.getKey(), entry.getValue().path("operationId").asString(null),
            entry.getValue()));
      }
    }));
  }

  static ApiDocument load() {
    try {
      return new ApiDocument(Files.readString(SOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    return YAMLMapper.builder().build().readTree(yaml);
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation a concrete request is, the most literal template first ({@code /a/b} before {@code /a/{x}}). */
  Optional<Operation> operation(String method, String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return operations.stream()
        .filter(op -> op.method().equals(method.toLowerCase(Locale.ROOT)) && matches(op.template(), bare))
        .min(Comparator.comparingLong(op -> op.template().chars().filter(c -> c == '{').count()));
  }

  static boolean matches(String template, String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return path.matches(regex.toString());
  }

  /**
   * What is wrong with an answer to this operation by the document: an undocumented status, a media type
   * or required header it does not name, or a body its schema refuses. Empty when the answer is as documented.
   */
  List<String> problems(Operation op, Answer answer) {
    List<String> problems = new ArrayList<>();
    String pointer = op.pointer() + "/responses/" + answer.status();
    JsonNode response = root.at(pointer);
    if (response.isMissingNode()) {
      problems.add(op.id() + " answered " + answer.status() + ", which the document does not list: " + answer.body());
      return problems;
    }
    if (response.has("$ref")) {
      pointer = response.get("$ref").asString().substring(1);
      response = root.at(pointer);
    }
    String responsePointer = pointer;
    response.path("headers").properties().forEach(header -> {
      JsonNode spec = resolve(header.getValue());
      String value = answer.headers().get(header.getKey());
      if (value == null) {
        if (spec.path("required").asBoolean(false)) {
          problems.add(op.id() + " " + answer.status() + " without its header " + header.getKey());
        }
      } else {
        String headerPointer = header.getValue().has("$ref") ? header.getValue().get("$ref").asString().substring(1)
            : responsePointer + "/headers/" + escape(header.getKey());
        for (Error e : schemaAt(headerPointer + "/schema").validate(JsonNodeFactory.instance.stringNode(value))) {
          problems.add(op.id() + " " + answer.status() + " header " + header.getKey() + ": " + e);
        }
      }
    });
    JsonNode content = response.path("content");
    String type = answer.headers().get("Content-Type");
    String media = type == null ? null : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (content.isMissingNode()) {
      if (!answer.body().isEmpty()) {
        problems.add(op.id() + " " + answer.status() + " has a body the document does not describe: " + answer.body());
      }
      return problems;
    }
    if (media == null || !content.has(media)) {
      problems.add(op.id() + " " + answer.status() + " came as " + type + ", the document names " + names(content));
      return problems;
    }
    Schema schema = schemaAt(pointer + "/content/" + escape(media) + "/schema");
    List<Error> errors = media.equals("application/json")
        ? schema.validate(answer.body(), InputFormat.JSON)
        : schema.validate(JsonNodeFactory.instance.stringNode(answer.body()));
    for (Error e : errors) {
      problems.add(op.id() + " " + answer.status() + " " + media + ": " + e + " in " + answer.body());
    }
    return problems;
  }

  /** The schema at a JSON pointer into the document, its $refs resolved in the document. */
  Schema schemaAt(String pointer) {
    return schemas.getSchema(SchemaLocation.of(ID + "#" + pointer));
  }

  private JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? root.at(node.get("$ref").asString().substring(1)) : node;
  }

  private static List<String> names(JsonNode content) {
    List<String> names = new ArrayList<>();
    content.propertyNames().forEach(names::add);
    return names;
  }

  /** A JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
