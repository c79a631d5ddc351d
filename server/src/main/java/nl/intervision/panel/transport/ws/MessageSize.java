package nl.intervision.panel.transport.ws;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.http.WebSocketFrame;

/**
 * The size of the text message arriving on a socket, counted frame by frame. A client may split one
 * message into many fragments; the WebSocket layer would gather up to its 1 MiB ceiling before anyone
 * could look, and past that drop the fragments without a word. Counting as they come lets the socket be
 * closed as soon as the limit is passed, whatever the shape.
 */
final class MessageSize {
  private long bytes;

  /** @return the bytes of the message this frame belongs to, so far; 0 for a control frame */
  long add(WebSocketFrame frame) {
    if (frame.isText() || frame.isBinary()) {
      bytes = 0;
    } else if (!frame.isContinuation()) {
      return 0;
    }
    bytes += frame.binaryData().length();
    return bytes;
  }

  /**
   * Whether the WebSocket layer refused what arrived for its size: one frame over its ceiling (Netty's
   * decoder), or fragments adding up past it (Vert.x's aggregation).
   */
  static boolean beyondCeiling(Throwable e) {
    return e instanceof TooLongFrameException
        || (e instanceof CorruptedWebSocketFrameException corrupt
            && WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(corrupt.closeStatus()))
        || (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size"));
  }

  /** Any other frame the WebSocket layer could not read (bad masking, a control frame too long, bad UTF-8). */
  static boolean unreadable(Throwable e) {
    return e instanceof CorruptedWebSocketFrameException && !beyondCeiling(e);
  }
}
