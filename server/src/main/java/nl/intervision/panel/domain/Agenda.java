package nl.intervision.panel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The phases one meeting runs through: the session frame's opening, the chosen method, and the
 * frame's closing. A meeting keeps its own copy (it is part of the first event), so later edits
 * to the catalogue never change a meeting that already ran. Indexes count across all three parts.
 */
public record Agenda(String methodId, Text methodName, List<Phase> opening, List<Phase> method, List<Phase> closing,
    Text methodPurpose) {

  public enum Part { OPENING, METHOD, CLOSING }

  /** Indexes {@code from} to {@code to}, both included. */
  public record Span(int from, int to) {
    public boolean contains(int index) {
      return index >= from && index <= to;
    }
  }

  public Agenda {
    opening = List.copyOf(opening);
    method = List.copyOf(method);
    closing = List.copyOf(closing);
    if (opening.size() + method.size() + closing.size() == 0) {
      throw new IllegalArgumentException("an agenda needs at least one phase");
    }
  }

  /** An agenda without the method's purpose, as meetings recorded before it was kept. */
  public Agenda(String methodId, Text methodName, List<Phase> opening, List<Phase> method, List<Phase> closing) {
    this(methodId, methodName, opening, method, closing, null);
  }

  public int size() {
    return opening.size() + method.size() + closing.size();
  }

  public int lastIndex() {
    return size() - 1;
  }

  public Phase phase(int index) {
    if (index < opening.size()) {
      return opening.get(index);
    }
    index -= opening.size();
    if (index < method.size()) {
      return method.get(index);
    }
    return closing.get(index - method.size());
  }

  public Part part(int index) {
    if (index < opening.size()) {
      return Part.OPENING;
    }
    return index < opening.size() + method.size() ? Part.METHOD : Part.CLOSING;
  }

  public List<Phase> phases() {
    List<Phase> all = new ArrayList<>(size());
    all.addAll(opening);
    all.addAll(method);
    all.addAll(closing);
    return all;
  }

  /** @return the index of the phase with this id, or -1 */
  public int indexOf(String phaseId) {
    for (int i = 0; i < size(); i++) {
      if (phase(i).id().equals(phaseId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The phases whose cards the board shows in the phase at {@code index}: its own, and those of the
   * earlier phases it carries on from, named by id or by the kind of card they collected. A carried
   * phase that was skipped, or moved to after this one, brings nothing.
   */
  public List<String> shownIn(int index) {
    Phase here = phase(index);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < index; i++) {
      Phase earlier = phase(i);
      if (here.carries().contains(earlier.id()) || earlier.cards().stream().anyMatch(here.carries()::contains)) {
        shown.add(earlier.id());
      }
    }
    shown.add(here.id());
    return shown;
  }

  /**
   * Per part, the indexes of its phases after {@code current}: the phases still to come, which the
   * chair may skip, and the places within its part to which each of them may move. A part with none is left out.
   */
  public java.util.Map<Part, Span> stillToCome(int current) {
    java.util.Map<Part, Span> spans = new java.util.EnumMap<>(Part.class);
    int start = 0;
    for (Part part : Part.values()) {
      int size = switch (part) {
        case OPENING -> opening.size();
        case METHOD -> method.size();
        case CLOSING -> closing.size();
      };
      int from = Math.max(start, current + 1);
      int to = start + size - 1;
      if (from <= to) {
        spans.put(part, new Span(from, to));
      }
      start += size;
    }
    return spans;
  }

  Agenda withMethod(Method chosen) {
    return new Agenda(chosen.id(), chosen.name(), opening, chosen.phases(), closing, chosen.purpose());
  }

  Agenda without(int index) {
    return rebuilt(index, list -> list.remove(indexInPart(index)));
  }

  /** Moves a phase to another place within its own part. */
  Agenda moved(int from, int to) {
    Phase phase = phase(from);
    return rebuilt(from, list -> {
      list.remove(indexInPart(from));
      list.add(indexInPart(to), phase);
    });
  }

  Agenda retimed(int index, Integer minutes) {
    Phase retimed = phase(index).withMinutes(minutes);
    return rebuilt(index, list -> list.set(indexInPart(index), retimed));
  }

  int indexInPart(int index) {
    return switch (part(index)) {
      case OPENING -> index;
      case METHOD -> index - opening.size();
      case CLOSING -> index - opening.size() - method.size();
    };
  }

  private Agenda rebuilt(int index, java.util.function.Consumer<List<Phase>> change) {
    List<Phase> o = new ArrayList<>(opening);
    List<Phase> m = new ArrayList<>(method);
    List<Phase> c = new ArrayList<>(closing);
    change.accept(switch (part(index)) {
      case OPENING -> o;
      case METHOD -> m;
      case CLOSING -> c;
    });
    return new Agenda(methodId, methodName, o, m, c, methodPurpose);
  }
}
