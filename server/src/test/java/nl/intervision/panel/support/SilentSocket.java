package nl.intervision.panel.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client written by hand over plain TCP that never answers a ping: what the server sees of
 * a laptop whose lid was shut or whose network vanished. (Every real client library answers pings by
 * itself, so the only way to be silent is not to be one.) It completes the upgrade, can say hello, and
 * records the server's frames: text frames, pings, and the close code.
 */
public final class SilentSocket {
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private final NetSocket tcp;
  private final Promise<Void> upgraded = Promise.promise();
  private final Promise<JsonObject> welcome = Promise.promise();
  private final Promise<Short> closed = Promise.promise();
  private Buffer pending = Buffer.buffer();
  private int pings;

  private SilentSocket(NetSocket tcp, int port) {
    this.tcp = tcp;
    tcp.handler(this::received);
    tcp.closeHandler(v -> closed.tryFail("the TCP connection closed without a close frame"));
    tcp.write("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
  }

  /** A socket on which the upgrade has completed. */
  public static Future<SilentSocket> connect(NetClient client, int port) {
    return client.connect(port, "localhost").compose(tcp -> {
      SilentSocket socket = new SilentSocket(tcp, port);
      return socket.upgraded.future().map(socket);
    });
  }

  /** Sends hello (the one frame this client ever sends) and gives the welcome. */
  public Future<JsonObject> hello(String token) {
    writeText(new JsonObject().put("type", "hello").put("token", token).encode());
    return welcome.future();
  }

  /** How many pings the server sent; none of them was answered. */
  public int pings() {
    return pings;
  }

  /** The code of the server's close frame. */
  public Future<Short> closeCode() {
    return closed.future();
  }

  public Future<Void> close() {
    return tcp.close();
  }

  private void writeText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 65_535) {
      throw new IllegalArgumentException("a hello is never this long");
    }
    byte[] mask = {0x12, 0x34, 0x56, 0x78};
    Buffer frame = Buffer.buffer().appendByte((byte) 0x81);
    if (payload.length < 126) {
      frame.appendByte((byte) (0x80 | payload.length));
    } else {
      frame.appendByte((byte) (0x80 | 126)).appendUnsignedShort(payload.length);
    }
    frame.appendBytes(mask);
    // A client must mask what it sends (RFC 6455, 5.3).
    for (int i = 0; i < payload.length; i++) {
      frame.appendByte((byte) (payload[i] ^ mask[i % 4]));
    }
    tcp.write(frame);
  }

  private void received(Buffer data) {
    pending.appendBuffer(data);
    if (!upgraded.future().isComplete()) {
      String head = pending.toString(StandardCharsets.ISO_8859_1);
      int end = head.indexOf("\r\n\r\n");
      if (end < 0) {
        return;
      }
      if (!head.startsWith("HTTP/1.1 101")) {
        upgraded.fail("the upgrade was refused: " + head.lines().findFirst().orElse(""));
        return;
      }
      pending = pending.getBuffer(end + 4, pending.length());
      upgraded.complete();
    }
    while (frameComplete()) {
    }
  }

  /** Takes one whole frame off the front of what arrived, if there is one; the server does not mask. */
  private boolean frameComplete() {
    if (pending.length() < 2) {
      return false;
    }
    int opcode = pending.getByte(0) & 0x0F;
    long length = pending.getByte(1) & 0x7F;
    int header = 2;
    if (length == 126) {
      if (pending.length() < 4) {
        return false;
      }
      length = pending.getUnsignedShort(2);
      header = 4;
    } else if (length == 127) {
      if (pending.length() < 10) {
        return false;
      }
      length = pending.getLong(2);
      header = 10;
    }
    if (pending.length() < header + length) {
      return false;
    }
    Buffer payload = pending.getBuffer(header, header + (int) length);
    pending = pending.getBuffer(header + (int) length, pending.length());
    switch (opcode) {
      case 0x1 -> {
        JsonObject frame = new JsonObject(payload.toString(StandardCharsets.UTF_8));
        if ("welcome".equals(frame.getString("type"))) {
          welcome.tryComplete(frame);
        }
      }
      case 0x8 -> {
        closed.tryComplete(payload.length() >= 2 ? (short) payload.getUnsignedShort(0) : (short) 1005);
        welcome.tryFail("closed before the welcome");
      }
      case 0x9 -> pings++;
      default -> { }
    }
    return true;
  }
}
