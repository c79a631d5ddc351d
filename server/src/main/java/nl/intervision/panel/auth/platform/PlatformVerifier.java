package nl.intervision.panel.auth.platform;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Checks one platform's proof of identity, by that platform's own rules. */
public interface PlatformVerifier {

  /** The name in {@code /api/platform/{platform}/session}. */
  String platform();

  /**
   * @param proof what the page got from the platform's SDK: a token, a context, the meeting's id...
   * @return fails with {@link RefusedProof} when the proof does not hold
   */
  Future<PlatformIdentity> verify(JsonObject proof);
}
