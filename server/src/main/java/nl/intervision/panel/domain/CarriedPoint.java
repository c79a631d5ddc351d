package nl.intervision.panel.domain;

/**
 * An action point from the group's last meeting, brought into this one so the group can look back on
 * it: it is not a card of this meeting (nobody here wrote it), and what the group decides about it goes
 * back to the group when the meeting ends.
 *
 * @param ownerId the group member who took it on, or null: nobody yet. A member's id is their
 *     participant id in every meeting of the group, so the owner can mark it when present
 * @param ownerName the owner's name as the group knows it, so the point reads right when they are not here
 */
public record CarriedPoint(String id, String text, String ownerId, String ownerName, Status status) {

  /** {@code OPEN}: not yet looked at in this meeting. */
  public enum Status { OPEN, DONE, NOT_DONE, CARRIED_ON }

  public CarriedPoint {
    status = status == null ? Status.OPEN : status;
  }

  CarriedPoint withStatus(Status newStatus) {
    return new CarriedPoint(id, text, ownerId, ownerName, newStatus);
  }
}
