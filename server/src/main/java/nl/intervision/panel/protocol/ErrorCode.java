package nl.intervision.panel.protocol;

import java.util.Locale;
import nl.intervision.panel.domain.Rejected;

/** The codes of an {@code error} reply; the socket stays open after one. */
public enum ErrorCode {
  BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, RATE_LIMITED, UNAVAILABLE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Only these may succeed when the same command is sent again unchanged. */
  public boolean temporary() {
    return this == RATE_LIMITED || this == UNAVAILABLE;
  }

  public int httpStatus() {
    return switch (this) {
      case BAD_REQUEST -> 400;
      case UNAUTHORIZED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  public static ErrorCode of(Rejected.Reason reason) {
    return switch (reason) {
      case BAD_REQUEST -> BAD_REQUEST;
      case FORBIDDEN -> FORBIDDEN;
      case NOT_FOUND -> NOT_FOUND;
      case CONFLICT -> CONFLICT;
      case TOO_LARGE -> TOO_LARGE;
    };
  }
}
