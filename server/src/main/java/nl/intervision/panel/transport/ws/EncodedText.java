package nl.intervision.panel.transport.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded to UTF-8 once, for every socket that is sent it unchanged: a batch that looks the
 * same to all six people of a meeting is encoded once instead of six times (writeTextMessage encodes the
 * string again for each socket, through a buffer three times its length).
 *
 * <p>Vert.x has no public text frame made from bytes, so this uses its own frame class; the
 * WebSocket tests fail if that ever stops working.
 */
final class EncodedText {
  /** Kept at one reference by us for ever: an unpooled heap buffer is freed by the collector, not by a count. */
  private final ByteBuf bytes;

  EncodedText(String text) {
    this.bytes = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A frame for one socket; Netty releases its reference once written, the bytes stay for the next. */
  WebSocketFrame frame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes.retainedDuplicate(), true);
  }
}
