package nl.intervision.panel.transport.http;

import nl.intervision.panel.Config;
import nl.intervision.panel.transport.limits.ClientAddress;
import nl.intervision.panel.transport.limits.JoinAttempts;
import nl.intervision.panel.transport.limits.TooManyWrongCodes;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
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
import nl.intervision.panel.domain.Language;
import nl.intervision.panel.domain.Method;
import nl.intervision.panel.domain.Permissions;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Role;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.protocol.CatalogueJson;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.RecordCodec;
import nl.intervision.panel.entry.MeetingEntry;
import nl.intervision.panel.entry.Seat;
import nl.intervision.panel.room.MeetingNotFound;
import nl.intervision.panel.room.Rooms;

/** The REST side: creating a meeting, joining one, one's seat on another device, and the method catalogue. */
final class MeetingApi {
  private static final Logger LOG = Logger.getLogger(MeetingApi.class.getName());

  private final MeetingEntry entry;
  private final Rooms rooms;
  private final Tokens tokens;
  private final Config config;
  private final LongSupplier clock;
  private final String catalogueBoth;
  private final String catalogueNl;
  private final String catalogueEn;
  private final JoinAttempts joinAttempts;
  /** Keyed by the catalogue text itself: three entries at most. */
  private final Map<String, Buffer> catalogueGzipped = new java.util.concurrent.ConcurrentHashMap<>();

  MeetingApi(MeetingEntry entry, Rooms rooms, Tokens tokens, Catalogue catalogue, Config config, LongSupplier clock,
      JoinAttempts joinAttempts) {
    this.entry = entry;
    this.rooms = rooms;
    this.tokens = tokens;
    this.config = config;
    this.clock = clock;
    this.catalogueBoth = CatalogueJson.encode(catalogue, null).encode();
    this.catalogueNl = CatalogueJson.encode(catalogue, Language.NL).encode();
    this.catalogueEn = CatalogueJson.encode(catalogue, Language.EN).encode();
    this.joinAttempts = joinAttempts;
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
    Method method = entry.method(methodId).orElse(null);
    if (method == null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.UNKNOWN_METHOD, Rejected.params("method", methodId),
          "unknown method '" + methodId + "'; GET /api/methods lists them");
      return;
    }
    if (locale == null && body.getValue("locale") != null) {
      fail(ctx, ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, "locale must be nl or en");
      return;
    }
    entry.start(new MeetingEntry.Opening(string(body, "title"), string(body, "chairName"), locale, method))
        .onSuccess(started -> {
          Seat chair = started.chair();
          created(ctx, new JsonObject()
              .put("meetingId", chair.meetingId())
              .put("joinCode", started.joinCode())
              .put("joinUrl", config.publicUrl() + "/#/join/" + chair.meetingId() + "/" + started.joinCode())
              .put("participantId", chair.participantId())
              .put("token", chair.token()));
        })
        .onFailure(e -> failWith(ctx, e));
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
    String code = MeetingApi.requiredString(ctx, body, "joinCode");
    if (code == null) {
      return;
    }
    String address = ClientAddress.of(ctx.request(), config.trustedProxies());
    // The meeting decides (and refuses a wrong code with 403); the count only slows guessing down.
    MeetingEntry.Newcomer newcomer = new MeetingEntry.Newcomer(string(body, "name"), role, sameName);
    joinAttempts.attempt(address, meetingId).compose(attempt ->
            entry.join(meetingId, code, newcomer, meeting -> attempt.tryCode(Permissions.joinCodeMatches(meeting, code)))
                .transform(attempt::answer))
        .onSuccess(seat -> created(ctx, seat(seat)))
        .onFailure(e -> failWith(ctx, e));
  }

  private static void created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** What a join answers, a claimed device code and a platform sign-in too: each puts someone in their seat. */
  static JsonObject seat(Seat seat) {
    return new JsonObject()
        .put("meetingId", seat.meetingId())
        .put("participantId", seat.participantId())
        .put("role", RecordCodec.wireName(seat.role()))
        .put("token", seat.token());
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
    rooms.using(meetingId, room -> Future.succeededFuture(room.state())).onComplete(read -> {
      if (read.failed()) {
        failWith(ctx, read.cause());
      } else {
        then.accept(read.result());
      }
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

  /** A string the request must have; null once refused with 400 field-required. */
  static String requiredString(RoutingContext ctx, JsonObject body, String field) {
    if (body.getValue(field) instanceof String value) {
      return value;
    }
    fail(ctx, ErrorCode.BAD_REQUEST, Refusal.FIELD_REQUIRED, Rejected.params("field", field), field + " is required");
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
    if (cause instanceof TooManyWrongCodes wait) {
      tooManyWrongCodes(ctx, wait.seconds());
    } else if (cause instanceof Rejected rejected) {
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
