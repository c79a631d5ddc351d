package nl.intervision.panel.protocol;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/** Builds an example of any record with every field filled, so codecs can be checked for every type there is. */
final class Samples {
  private Samples() {}

  static Object of(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return List.of(of(p.getActualTypeArguments()[0]));
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "it's \"quoted\" 'text'; DROP TABLE meeting_event; -- é ✓";
    }
    if (c == int.class || c == Integer.class) {
      return 7;
    }
    if (c == long.class || c == Long.class) {
      return 1_795_000_000_123L;
    }
    if (c == boolean.class || c == Boolean.class) {
      return true;
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = of(components[i].getGenericType());
        types[i] = components[i].getType();
      }
      try {
        return c.getDeclaredConstructor(types).newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no sample for " + type);
  }
}
