package nl.intervision.panel.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * What a buggy or hostile client does to a frame that was valid: drops, duplicates and retypes
 * fields anywhere in it, writes numbers as strings, sends numbers no int holds, very long strings.
 */
public final class Mutations {
  private Mutations() {}

  public enum Kind { DROP, REPLACE, NUMBER_AS_STRING, EXTREME_NUMBER, LONG_STRING, WRAP_IN_ARRAY, NULL, DUPLICATE }

  /** One change, at the {@code where}-th field or element of the frame (counted depth first, modulo their number). */
  public record Mutation(Kind kind, int where, Object value) {}

  /** A valid frame and the changes made to it; shown as the text that was sent when a property fails. */
  public record Mutated(JsonObject valid, List<Mutation> changes) {
    public String text() {
      return apply(valid, changes);
    }

    @Override
    public String toString() {
      String text = text();
      return text.length() > 2000 ? text.substring(0, 2000) + "... (" + text.length() + " characters)" : text;
    }
  }

  /** One to three changes to one of the frames, spread evenly over its fields. */
  public static Arbitrary<Mutated> of(List<JsonObject> validFrames) {
    return Arbitraries.of(validFrames).flatMap(valid -> {
      List<Slot> slots = new ArrayList<>();
      collect(valid, slots);
      Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(Kind.class),
          Arbitraries.integers().between(0, Math.max(0, slots.size() - 1)).withDistribution(RandomDistribution.uniform()),
          Inputs.jsonValue()).as(Mutation::new);
      return one.list().ofMinSize(1).ofMaxSize(3).map(changes -> new Mutated(valid, changes));
    });
  }

  private static final List<Object> EXTREMES = List.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648L, -2147483649L,
      Long.MAX_VALUE, Long.MIN_VALUE, new java.math.BigInteger("99999999999999999999999"), -1, 1.5d, 1e300d);

  /** The frame after the changes, as JSON text; the frame itself is left as it was. */
  public static String apply(JsonObject valid, List<Mutation> changes) {
    JsonObject frame = valid.copy();
    Map<Object, Mutation> duplicates = new IdentityHashMap<>();
    for (Mutation change : changes) {
      List<Slot> slots = new ArrayList<>();
      collect(frame, slots);
      if (slots.isEmpty()) {
        continue;
      }
      Slot slot = slots.get(change.where() % slots.size());
      Object old = slot.get();
      switch (change.kind()) {
        case DROP -> slot.remove();
        case REPLACE -> slot.set(change.value());
        case NULL -> slot.set(null);
        case NUMBER_AS_STRING -> slot.set(old instanceof Number || old instanceof Boolean ? String.valueOf(old) : "7");
        case EXTREME_NUMBER -> slot.set(EXTREMES.get(change.where() % EXTREMES.size()));
        case LONG_STRING -> slot.set(old instanceof String s && !s.isEmpty() ? s.repeat(1 + 50_000 / s.length()) : "x".repeat(70_000));
        case WRAP_IN_ARRAY -> slot.set(new JsonArray().add(old));
        case DUPLICATE -> {
          if (slot.container() instanceof JsonObject) {
            duplicates.put(slot.container(), new Mutation(Kind.DUPLICATE, 0, new Object[] {slot.key(), change.value()}));
          } else {
            slot.set(old);
            ((JsonArray) slot.container()).add(old);
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    write(frame, duplicates, out);
    return out.toString();
  }

  /** A field of an object or an element of an array. */
  private record Slot(Object container, Object key) {
    Object get() {
      return container instanceof JsonObject o ? o.getValue((String) key) : ((JsonArray) container).getValue((Integer) key);
    }

    void set(Object value) {
      if (container instanceof JsonObject o) {
        o.put((String) key, value);
      } else {
        ((JsonArray) container).set((Integer) key, value);
      }
    }

    void remove() {
      if (container instanceof JsonObject o) {
        o.remove((String) key);
      } else {
        ((JsonArray) container).remove((int) (Integer) key);
      }
    }
  }

  private static void collect(Object node, List<Slot> slots) {
    if (node instanceof JsonObject o) {
      for (String key : new ArrayList<>(o.fieldNames())) {
        slots.add(new Slot(o, key));
        collect(o.getValue(key), slots);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new Slot(a, i));
        collect(a.getValue(i), slots);
      }
    }
  }

  /** JSON text of the tree; an object marked for it gets one of its keys a second time, with another value. */
  private static void write(Object node, Map<Object, Mutation> duplicates, StringBuilder out) {
    switch (node) {
      case null -> out.append("null");
      case JsonObject o -> {
        out.append('{');
        boolean first = true;
        for (String key : o.fieldNames()) {
          first = comma(first, out);
          out.append(Inputs.quoteRaw(key)).append(':');
          write(o.getValue(key), duplicates, out);
        }
        Mutation duplicate = duplicates.get(o);
        if (duplicate != null) {
          Object[] keyAndValue = (Object[]) duplicate.value();
          comma(first, out);
          out.append(Inputs.quoteRaw((String) keyAndValue[0])).append(':');
          write(keyAndValue[1], duplicates, out);
        }
        out.append('}');
      }
      case JsonArray a -> {
        out.append('[');
        boolean first = true;
        for (Object item : a) {
          first = comma(first, out);
          write(item, duplicates, out);
        }
        out.append(']');
      }
      case String s -> out.append(Inputs.quote(s));
      default -> out.append(node);
    }
  }

  private static boolean comma(boolean first, StringBuilder out) {
    if (!first) {
      out.append(',');
    }
    return false;
  }
}
