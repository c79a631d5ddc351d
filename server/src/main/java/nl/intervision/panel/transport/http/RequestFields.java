package nl.intervision.panel.transport.http;

import static nl.intervision.panel.transport.http.MeetingApi.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;

/**
 * A request's fields, read leniently once: a field of the wrong type is noted, and the request is
 * refused with that before anything is decided. Missing fields are the domain's to refuse.
 */
final class RequestFields {
  private final JsonObject body;
  private String wrong;

  RequestFields(JsonObject body) {
    this.body = body;
  }

  String optionalString(String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      wrong = wrong == null ? field + " must be a string" : wrong;
      return null;
    }
    return (String) value;
  }

  Boolean optionalBoolean(String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      wrong = wrong == null ? field + " must be true or false" : wrong;
      return null;
    }
    return (Boolean) value;
  }

  Integer optionalInt(String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
      return n.intValue();
    }
    wrong = wrong == null ? field + " must be a whole number" : wrong;
    return null;
  }

  List<String> optionalStrings(String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      List<String> strings = new ArrayList<>();
      array.forEach(s -> strings.add((String) s));
      return strings;
    }
    wrong = wrong == null ? field + " must be a list of strings" : wrong;
    return List.of();
  }

  /** An enum by its wire name ({@code "carried-on"}); an unknown name is refused, not ignored. */
  <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
    String value = optionalString(field);
    if (value == null) {
      return null;
    }
    for (E candidate : type.getEnumConstants()) {
      if (RecordCodec.wireName(candidate).equals(value)) {
        return candidate;
      }
    }
    wrong = wrong == null ? field + " '" + value + "' is not one of the allowed values" : wrong;
    return null;
  }

  /** Answers 400 when a field had the wrong type or value; true then. */
  boolean refused(RoutingContext ctx) {
    if (wrong != null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, wrong);
      return true;
    }
    return false;
  }
}
