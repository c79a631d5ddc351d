package nl.intervision.panel.auth.platform;

import io.vertx.core.json.JsonObject;

/** Fields a page sends next to a token when the platform's token does not name the meeting. */
final class ProofFields {
  private ProofFields() {}

  static final int MAX_ID = 512;

  static String meeting(JsonObject proof) {
    Object id = proof.getValue("meetingId");
    if (!(id instanceof String s) || s.isBlank() || s.length() > MAX_ID) {
      throw new RefusedProof("send the platform's meetingId (1 to " + MAX_ID + " characters)");
    }
    return s;
  }
}
