package nl.intervision.panel.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON for the domain's records, derived from the records themselves: a field is named after
 * the record component, a type after the record ({@code AddCard} is {@code "addCard"}), an enum
 * value in lower kebab case ({@code CASE_BRINGER} is {@code "case-bringer"}). Deriving it means a
 * new command or event cannot be forgotten in the codec, and the wire names are the domain's names.
 * Absent optional values are left out rather than sent as null.
 *
 * @param <T> the sealed interface whose permitted records this codec reads and writes
 */
public final class RecordCodec<T> {

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private final Map<String, Class<? extends T>> byName = new HashMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();

  @SuppressWarnings("unchecked")
  public RecordCodec(Class<T> sealedType) {
    for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
      String name = typeName(permitted);
      byName.put(name, (Class<? extends T>) permitted);
      names.put(permitted, name);
    }
  }

  public static String typeName(Class<?> type) {
    String simple = type.getSimpleName();
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  public String nameOf(T value) {
    return names.get(value.getClass());
  }

  public boolean knows(String typeName) {
    return byName.containsKey(typeName);
  }

  public JsonObject encode(T value) {
    JsonObject json = new JsonObject().put("type", names.get(value.getClass()));
    writeComponents(value, json);
    return json;
  }

  /** @throws CodecException when the type is unknown or a field has the wrong shape */
  public T decode(JsonObject json) {
    Object type = json.getValue("type");
    if (!(type instanceof String name) || !byName.containsKey(name)) {
      throw new CodecException("unknown type " + (type == null ? "(missing)" : "'" + type + "'"));
    }
    return decodeRecord(byName.get(name), json, "");
  }

  /** Reads a record of the given class from JSON, with the same rules as {@link #decode}. */
  public static <R> R fromJson(Class<R> type, JsonObject json) {
    return decodeRecord(type, json, "");
  }

  /** Encodes any value the domain uses: records, lists, enums, strings, numbers, booleans. */
  public static Object toJson(Object value) {
    return switch (value) {
      case null -> null;
      case Record r -> {
        JsonObject json = new JsonObject();
        writeComponents(r, json);
        yield json;
      }
      case List<?> list -> {
        JsonArray array = new JsonArray(new ArrayList<>(list.size()));
        for (Object item : list) {
          array.add(toJson(item));
        }
        yield array;
      }
      case Enum<?> e -> wireName(e);
      default -> value;
    };
  }

  public static String wireName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static void writeComponents(Object value, JsonObject json) {
    Shape shape = shape(value.getClass());
    for (int i = 0; i < shape.components.length; i++) {
      Object field = shape.read(i, value);
      if (field != null) {
        json.put(shape.components[i].getName(), toJson(field));
      }
    }
  }

  private static <R> R decodeRecord(Class<R> type, JsonObject json, String path) {
    Shape shape = shape(type);
    Object[] args = new Object[shape.components.length];
    for (int i = 0; i < args.length; i++) {
      RecordComponent component = shape.components[i];
      String field = path + component.getName();
      args[i] = decodeValue(component.getGenericType(), json.getValue(component.getName()), field);
    }
    return shape.construct(type, args);
  }

  private static Object decodeValue(Type type, Object raw, String field) {
    if (raw == null) {
      return absent(type, field);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (!(raw instanceof JsonArray array)) {
        throw new CodecException(field + " must be a list");
      }
      List<Object> items = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        Object item = decodeValue(p.getActualTypeArguments()[0], array.getValue(i), field + "[" + i + "]");
        if (item == null) {
          // A list has no optional places: null there is a client's mistake, not an absent value.
          throw new CodecException(field + "[" + i + "] must not be null");
        }
        items.add(item);
      }
      return List.copyOf(items);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      if (raw instanceof String s) {
        return s;
      }
      throw new CodecException(field + " must be a string");
    }
    if (c == int.class || c == Integer.class) {
      return (int) wholeNumber(raw, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (c == long.class || c == Long.class) {
      return wholeNumber(raw, field, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (c == boolean.class || c == Boolean.class) {
      if (raw instanceof Boolean b) {
        return b;
      }
      throw new CodecException(field + " must be true or false");
    }
    if (c.isEnum()) {
      return enumValue(c, raw, field);
    }
    if (c.isRecord()) {
      if (!(raw instanceof JsonObject object)) {
        throw new CodecException(field + " must be an object");
      }
      return decodeRecord(c, object, field + ".");
    }
    throw new CodecException(field + " has a type the protocol does not carry");
  }

  private static Object absent(Type type, String field) {
    if (type instanceof Class<?> c && c.isPrimitive()) {
      throw new CodecException(field + " is required");
    }
    return null;
  }

  private static long wholeNumber(Object raw, String field, long min, long max) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      long v = ((Number) raw).longValue();
      if (v >= min && v <= max) {
        return v;
      }
    } else if (raw instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && d >= min && d <= max) {
        return (long) d;
      }
    }
    throw new CodecException(field + " must be a whole number");
  }

  private static Object enumValue(Class<?> type, Object raw, String field) {
    if (raw instanceof String s) {
      for (Object constant : type.getEnumConstants()) {
        if (wireName((Enum<?>) constant).equals(s)) {
          return constant;
        }
      }
    }
    List<String> allowed = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      allowed.add(wireName((Enum<?>) constant));
    }
    throw new CodecException(field + " must be one of " + String.join(", ", allowed));
  }

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(type, Shape::new);
  }

  /** The components, accessors and constructor of one record class, looked up once. */
  private static final class Shape {
    final RecordComponent[] components;
    final Method[] accessors;
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      components = type.getRecordComponents();
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    Object read(int index, Object value) {
      try {
        return accessors[index].invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }

    @SuppressWarnings("unchecked")
    <R> R construct(Class<R> type, Object[] args) {
      try {
        return (R) constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        // A record that validates its input (an agenda without phases) refuses it here.
        throw new CodecException(type.getSimpleName() + ": " + e.getCause().getMessage());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
