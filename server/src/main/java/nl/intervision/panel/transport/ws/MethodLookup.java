package nl.intervision.panel.transport.ws;

import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.protocol.CodecException;

/**
 * A client names a catalogue method by id; the domain wants the method itself, so that the
 * meeting's log holds the phases it ran and replays the same even when the catalogue changes.
 */
public final class MethodLookup {
  private final Catalogue catalogue;

  public MethodLookup(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** @throws CodecException for an id the catalogue does not have */
  Command resolve(Command command) {
    if (command instanceof Command.ChooseMethod c && c.method() == null && c.methodId() != null) {
      Method method = catalogue.method(c.methodId())
          .orElseThrow(() -> new CodecException("unknown method '" + c.methodId() + "'; GET /api/methods lists them"));
      return new Command.ChooseMethod(c.methodId(), method);
    }
    return command;
  }
}
