package nl.intervision.panel.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.auth.Tokens;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Summary;
import nl.intervision.panel.domain.Catalogue;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.People;
import nl.intervision.panel.domain.Permissions;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.room.MeetingNotFound;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Rooms;

/** The REST side: creating a meeting, joining one, one's seat on another device, and the method catalogue. */
final class MeetingApi {
  private static final Logger LOG = Logger.getLogger(MeetingApi.class.getName());
  static final String DEFAULT_METHOD = "vijfstappenmethode";

  private final Rooms rooms;
  private final Tokens tokens;
  private final Catalogue catalogue;
  private final Config config;
  private final Ids ids;
  private final LongSupplier clock;
  private final String catalogueBoth;
  private final String catalogueNl;
  private final String catalogueEn;
  private final JoinAttempts joinAttempts;
  /** Keyed by the catalogue text itself: three entries at most. */
  private final Map<String, Buffer> catalogueGzipped = new java.util.concurrent.ConcurrentHashMap<>();

  MeetingApi(Rooms rooms, Tokens tokens, Catalogue catalogue, Config config, Ids ids, LongSupplier clock) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.catalogue = catalogue;
    this.config = config;
    this.ids = ids;
    this.clock = clock;
    this.catalogueBoth = CatalogueJson.encode(catalogue, null).encode();
    this.catalogueNl = CatalogueJson.encode(catalogue, Language.NL).encode();
    this.catalogueEn = CatalogueJson.encode(catalogue, Language.EN).encode();
    this.joinAttempts = new JoinAttempts(config.joinFailuresPerMinute(), config.meetingJoinFailuresPerMinute());
  }

  /** Wrong join codes and refused device codes count in the same buckets. */
  JoinAttempts joinAttempts() {
    return joinAttempts;
  }

  void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body != null) {
      withFieldTypesChecked(ctx, () -> create(ctx, body));
    }
  }

  void join(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body != null) {
      withFieldTypesChecked(ctx, () -> join(ctx, body));
    }
  }

  private static void withFieldTypesChecked(RoutingContext ctx, Runnable handler) {
    try {
      handler.run();
    } catch (WrongType e) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, e.getMessage());
    }
  }

  private void create(RoutingContext ctx, JsonObject body) {
    String methodId = optionalString(body, "method");
    Language locale = language(optionalString(body, "locale"));
    Method method = catalogue.method(methodId == null ? DEFAULT_METHOD : methodId).orElse(null);
    if (method == null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.UNKNOWN_METHOD, Rejected.params("method", methodId),
          "unknown method '" + methodId + "'; GET /api/methods lists them");
      return;
    }
    if (locale == null && body.getValue("locale") != null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, "locale must be nl or en");
      return;
    }
    String meetingId = ids.meetingId();
    String chairId = ids.participantId();
    String joinCode = ids.joinCode();
    Command start = new Command.StartMeeting(
        string(body, "title"), string(body, "chairName"), locale, joinCode, catalogue.agenda(method));
    Room room = rooms.create(meetingId);
    respond(ctx, room, room.submit(chairId, null, start), () -> new JsonObject()
        .put("meetingId", meetingId)
        .put("joinCode", joinCode)
        .put("joinUrl", config.publicUrl() + "/#/join/" + meetingId + "/" + joinCode)
        .put("participantId", chairId)
        .put("token", token(meetingId, chairId, Role.CHAIR)));
  }

  private void join(RoutingContext ctx, JsonObject body) {
    String meetingId = ctx.pathParam("meetingId");
    Object sameNameValue = body.getValue("sameName");
    if (sameNameValue != null && !(sameNameValue instanceof Boolean)) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, "sameName must be true or false");
      return;
    }
    boolean sameName = Boolean.TRUE.equals(sameNameValue);
    String roleName = optionalString(body, "role");
    Role role = roleName == null ? Role.PARTICIPANT : switch (roleName) {
      case "participant" -> Role.PARTICIPANT;
      case "observer" -> Role.OBSERVER;
      default -> null;
    };
    if (role == null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, "role must be participant or observer");
      return;
    }
    if (!(body.getValue("joinCode") instanceof String)) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.FIELD_REQUIRED, Rejected.params("field", "joinCode"),
          "joinCode is required");
      return;
    }
    String address = ClientAddress.of(ctx.request().remoteAddress(), ctx.request().headers(), config.trustedProxies());
    String participantId = ids.participantId();
    String code = body.getString("joinCode");
    String name = string(body, "name");
    Command join = new Command.JoinMeeting(code, name, role, sameName);
    rooms.get(meetingId).onComplete(loaded -> {
      if (loaded.failed()) {
        failWith(ctx, loaded.cause());
        return;
      }
      Room room = loaded.result();
      // Check and count in this one turn of the event loop: nothing can slip in between.
      long now = System.nanoTime();
      long wait = joinAttempts.secondsToWait(address, meetingId, now);
      if (wait > 0) {
        rooms.release(room);
        tooManyWrongCodes(ctx, wait);
        return;
      }
      if (!Permissions.joinCodeMatches(room.state(), code)) {
        joinAttempts.wrongCode(address, meetingId, now);
      }
      // The domain decides (and refuses a wrong code with 403); the count above only slows guessing down.
      room.submit(participantId, null, join).onComplete(joined -> {
        if (joined.succeeded()) {
          ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
              .end(seat(meetingId, participantId, role, token(meetingId, participantId, role)).encode());
        } else {
          failWith(ctx, joined.cause());
        }
        rooms.release(room);
      });
    });
  }

  /** What a join answers, and a claimed device code too: both put someone in their seat. */
  static JsonObject seat(String meetingId, String participantId, Role role, String token) {
    return new JsonObject()
        .put("meetingId", meetingId)
        .put("participantId", participantId)
        .put("role", RecordCodec.wireName(role))
        .put("token", token);
  }

  /** The meeting token in the Authorization header, for this path's meeting; null once refused. */
  static Identity bearer(RoutingContext ctx, Tokens tokens) {
    String header = ctx.request().getHeader("Authorization");
    Identity identity;
    try {
      if (header == null || !header.startsWith("Bearer ")) {
        throw new InvalidToken("missing");
      }
      identity = tokens.verify(header.substring("Bearer ".length()).strip());
    } catch (InvalidToken e) {
      fail(ctx, ErrorCode.UNAUTHORIZED, Refusal.TOKEN_INVALID,
          "send a valid meeting token as 'Authorization: Bearer <token>'");
      return null;
    }
    if (!identity.meetingId().equals(ctx.pathParam("meetingId"))) {
      fail(ctx, ErrorCode.FORBIDDEN, Refusal.TOKEN_OTHER_MEETING, "this token belongs to another meeting");
      return null;
    }
    return identity;
  }

  /** Refused without looking at the code, so that the answer tells a guesser nothing about it. */
  static void tooManyWrongCodes(RoutingContext ctx, long seconds) {
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    fail(ctx, ErrorCode.RATE_LIMITED, Refusal.TOO_MANY_WRONG_CODES, Rejected.params("seconds", seconds),
        "too many wrong join codes; try again in " + seconds + " seconds");
  }

  /**
   * The meeting's record for the person asking, as {@link Summary} decides per reader: Markdown, or
   * with {@code Accept: application/json} the same record in parts plus its Markdown, for the page to
   * render. The token goes in the Authorization header; it keeps working after the meeting ended.
   */
  void summary(RoutingContext ctx) {
    Identity identity = bearer(ctx, tokens);
    if (identity == null) {
      return;
    }
    withState(rooms, ctx, ctx.pathParam("meetingId"), state -> {
      Participant reader = state.participant(identity.participantId()).orElse(null);
      if (reader == null || !Summary.mayRead(state, reader.id())) {
        fail(ctx, ErrorCode.FORBIDDEN, Refusal.SUMMARY_NOT_ALLOWED,
            "only the people in the meeting can read its summary");
        return;
      }
      Summary.View view = Summary.of(state, reader, clock.getAsLong());
      String markdown = Summary.markdown(view, state.locale());
      String accept = ctx.request().getHeader("Accept");
      boolean json = accept != null && accept.contains("application/json");
      ctx.response().putHeader("Content-Type", json ? "application/json" : "text/markdown; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(json ? ((io.vertx.core.json.JsonObject) RecordCodec.toJson(view))
              .put("locale", RecordCodec.wireName(state.locale())).put("markdown", markdown).encode() : markdown);
    });
  }

  /** The meeting's state as it is now, for a request that only reads it; a failure to load it is answered. */
  static void withState(Rooms rooms, RoutingContext ctx, String meetingId, Consumer<MeetingState> then) {
    rooms.get(meetingId).onComplete(loaded -> {
      if (loaded.failed()) {
        failWith(ctx, loaded.cause());
        return;
      }
      MeetingState state = loaded.result().state();
      rooms.release(loaded.result());
      then.accept(state);
    });
  }

  void methods(RoutingContext ctx) {
    Language language = language(ctx.queryParams().get("locale"));
    String json = language == null ? catalogueBoth : language == Language.NL ? catalogueNl : catalogueEn;
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Vary", "Accept-Encoding");
    if (Gzip.acceptsGzip(ctx.request())) {
      // The catalogue is the one large JSON answer; it never changes while the server runs.
      Buffer gzipped = catalogueGzipped.computeIfAbsent(json, text -> Gzip.compress(text.getBytes(StandardCharsets.UTF_8)));
      ctx.response().putHeader("Content-Encoding", "gzip").end(gzipped);
    } else {
      ctx.response().end(json);
    }
  }


  private void respond(RoutingContext ctx, Room room, Future<Long> landed, java.util.function.Supplier<JsonObject> created) {
    landed.onComplete(done -> {
      if (done.succeeded()) {
        ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(created.get().encode());
      } else {
        failWith(ctx, done.cause());
      }
      rooms.release(room);
    });
  }

  private String token(String meetingId, String participantId, Role role) {
    return tokens.issue(meetingId, participantId, RecordCodec.wireName(role), Instant.ofEpochMilli(clock.getAsLong()));
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, "the body must be a JSON object");
    return null;
  }

  /** A wrong type is treated as absent; the domain then says which field is required. */
  private static String string(JsonObject body, String field) {
    return body.getValue(field) instanceof String s ? s : null;
  }

  /** @throws WrongType when the field is there but not a string: a typo must not silently pick a default */
  private static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new WrongType(field + " must be a string");
    }
    return (String) value;
  }

  private static final class WrongType extends RuntimeException {
    WrongType(String message) {
      super(message, null, false, false);
    }
  }

  private static Language language(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "nl" -> Language.NL;
      case "en" -> Language.EN;
      default -> null;
    };
  }

  static void failWith(RoutingContext ctx, Throwable cause) {
    if (cause instanceof Rejected rejected) {
      fail(ctx, ErrorCode.of(rejected.reason()), rejected.refusal(), rejected.params(), rejected.getMessage());
    } else if (cause instanceof MeetingNotFound) {
      fail(ctx, ErrorCode.NOT_FOUND, Refusal.MEETING_NOT_FOUND, "no such meeting");
    } else {
      LOG.warning(LogLine.of("request_failed", "route", ctx.currentRoute() == null ? null : ctx.currentRoute().getName(),
          "error", LogLine.error(cause)));
      fail(ctx, ErrorCode.UNAVAILABLE, Refusal.NOT_SAVED, "the server cannot save this right now; try again");
    }
  }

  static void fail(RoutingContext ctx, ErrorCode code, Refusal reason, String message) {
    fail(ctx, code, reason, Map.of(), message);
  }

  /** The REST error body: the code, the reason and its params for the person, the English message for developers. */
  static void fail(RoutingContext ctx, ErrorCode code, Refusal reason, Map<String, Object> params, String message) {
    assert reason.fits(params) : reason + " takes " + reason.params() + ", not " + params.keySet();
    JsonObject body = new JsonObject().put("error", code.wire()).put("reason", reason.wire());
    if (!params.isEmpty()) {
      body.put("params", new JsonObject(new LinkedHashMap<>(params)));
    }
    ctx.response()
        .setStatusCode(code.httpStatus())
        .putHeader("Content-Type", "application/json")
        .end(body.put("message", message).encode());
  }
}
