package nl.intervision.panel.domain;

import java.util.List;
import java.util.Optional;

/**
 * The methods a chair can choose, and the frame every meeting runs around its method:
 * opening phases (check-in, look back, choose a case) and closing ones (recognitions, action points, evaluation).
 */
public record Catalogue(Frame frame, List<Method> methods) {

  public record Frame(List<Phase> opening, List<Phase> closing) {
    public Frame {
      opening = List.copyOf(opening);
      closing = List.copyOf(closing);
    }
  }

  public Catalogue {
    methods = List.copyOf(methods);
  }

  public Optional<Method> method(String id) {
    return methods.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The phases a meeting with this method runs through, frame included. */
  public Agenda agenda(Method method) {
    return new Agenda(method.id(), method.name(), frame.opening(), method.phases(), frame.closing(), method.purpose());
  }
}
