package nl.intervision.panel.transport.ws;

import nl.intervision.panel.transport.limits.TokenBucket;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import nl.intervision.panel.auth.Identity;
import nl.intervision.panel.auth.InvalidToken;
import nl.intervision.panel.domain.Command;
import nl.intervision.panel.domain.MeetingState;
import nl.intervision.panel.domain.Participant;
import nl.intervision.panel.domain.Recorded;
import nl.intervision.panel.domain.Refusal;
import nl.intervision.panel.domain.Rejected;
import nl.intervision.panel.domain.Touched;
import nl.intervision.panel.log.LogLine;
import nl.intervision.panel.protocol.ClientFrame;
import nl.intervision.panel.protocol.CloseCode;
import nl.intervision.panel.protocol.CodecException;
import nl.intervision.panel.protocol.ErrorCode;
import nl.intervision.panel.protocol.ServerFrames;
import nl.intervision.panel.protocol.StateJson;
import nl.intervision.panel.room.Member;
import nl.intervision.panel.room.MeetingNotFound;
import nl.intervision.panel.room.Room;
import nl.intervision.panel.room.Welcome;
import nl.intervision.panel.store.ConcurrentAppend;
import nl.intervision.panel.store.StoreUnavailable;

/**
 * One WebSocket: the hello handshake with its deadline, then commands in and updates out.
 * Nothing is read from the socket but a hello until the token is checked. The socket lasts as long
 * as its token and its person's place in the meeting: it closes with 4401 when either ends.
 */
final class Connection implements Member {
  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private enum Stage { AWAITING_HELLO, JOINING, JOINED, CLOSED }

  private final ServerWebSocket socket;
  private final ConnectionContext context;
  private final TokenBucket frameBudget;
  private final Heartbeat heartbeat = new Heartbeat(Liveness.now());
  private final MessageSize messageSize = new MessageSize();
  private final List<ClientFrame> early = new ArrayList<>();
  private Stage stage = Stage.AWAITING_HELLO;
  private long helloTimer;
  private long expiryTimer = -1;
  private Room room;
  private String participantId;
  /** Who this socket's person is in the meeting, as of the last state delivered; null once removed. */
  private Participant me;
  private boolean sinceWasSent;
  private boolean fullWanted;

  Connection(ServerWebSocket socket, ConnectionContext context) {
    this.socket = socket;
    this.context = context;
    this.frameBudget = new TokenBucket(context.settings().framesPerSecond(), context.settings().frameBurst(), System.nanoTime());
  }

  void start() {
    helloTimer = context.vertx().setTimer(context.settings().helloTimeoutMs(), t -> {
      if (stage == Stage.AWAITING_HELLO) {
        close(CloseCode.HELLO_TIMEOUT);
      }
    });
    // A client that stops reading must not make the server hold an ever longer queue for it.
    socket.setWriteQueueMaxSize(context.settings().outboundLimitBytes());
    socket.frameHandler(frame -> {
      // Every frame, a pong to the server's ping included, shows the other side is still there.
      heartbeat.heard(Liveness.now());
      if (messageSize.add(frame) > context.settings().maxFrameBytes()) {
        // Closed as the message passes the limit, not once it has all arrived.
        close(CloseCode.TOO_LARGE);
      }
    });
    socket.textMessageHandler(this::received);
    socket.binaryMessageHandler(b -> close(CloseCode.MALFORMED));
    socket.exceptionHandler(e -> {
      LOG.fine(() -> LogLine.of("socket_error", "error", LogLine.error(e)));
      // The WebSocket layer refuses a frame above its ceiling without closing the socket itself.
      if (MessageSize.beyondCeiling(e)) {
        close(CloseCode.TOO_LARGE);
      } else if (MessageSize.unreadable(e)) {
        close(CloseCode.MALFORMED);
      }
    });
    socket.closeHandler(v -> closed());
  }

  void close(CloseCode code) {
    if (stage == Stage.CLOSED) {
      return;
    }
    stage = Stage.CLOSED;
    context.metrics().socketClosed(code);
    LOG.fine(() -> LogLine.of("socket_closed", "meeting", room == null ? null : room.meetingId(),
        "participant", participantId, "code", code.code()));
    socket.close(code.code(), code.reason());
    closed();
  }

  Heartbeat heartbeat() {
    return heartbeat;
  }

  /** A WebSocket ping: a browser answers it by itself, without the page's code, even in a background tab. */
  void ping(long now) {
    heartbeat.pinged(now);
    if (stage != Stage.CLOSED && !socket.isClosed()) {
      socket.writePing(Buffer.buffer());
    }
  }

  @Override
  public String participantId() {
    return participantId;
  }

  @Override
  public void welcome(Welcome welcome, Set<String> online) {
    if (stage == Stage.CLOSED) {
      // The socket went away while the meeting was loading.
      leaveRoom();
      return;
    }
    me = welcome.state().participant(participantId).orElse(null);
    if (me == null) {
      // Removed by the chair between the hello and now.
      close(CloseCode.UNAUTHORIZED);
      return;
    }
    var frame = WelcomeFrame.build(welcome, me, online, sinceWasSent, fullWanted, context.clock().getAsLong());
    if (context.settings().pingEveryMs() > 0) {
      frame.put("liveness", ServerFrames.liveness(context.settings().pingEveryMs(), context.settings().pingTimeoutMs()));
    }
    String text = frame.encode();
    // A large meeting's welcome alone may be over the limit; only what comes after it counts (UTF-8: at most 3 bytes a char).
    socket.setWriteQueueMaxSize(context.settings().outboundLimitBytes() + 3 * text.length());
    send(text);
    stage = Stage.JOINED;
    for (ClientFrame frameSentEarly : early) {
      handle(frameSentEarly);
    }
    early.clear();
  }

  @Override
  public void deliver(Recorded batch, Touched touched, MeetingState after) {
    if (me == null) {
      return;
    }
    Participant now = after.participant(participantId).orElse(null);
    if (now != null) {
      me = now;
      send(context.frames().encodedFor(batch, touched, me, after));
      return;
    }
    // The chair removed this person. They get this last batch, which says so, as they could see it
    // until now; the socket closes on the next turn, once everyone else has the batch too.
    send(context.frames().encodedFor(batch, touched, me, after));
    me = null;
    context.vertx().runOnContext(v -> close(CloseCode.UNAUTHORIZED));
  }

  @Override
  public void meetingGone() {
    close(CloseCode.MEETING_GONE);
  }

  @Override
  public void presence(MeetingState state, Set<String> online) {
    send(ServerFrames.presence(StateJson.participants(state, online)));
  }

  private void received(String text) {
    if (stage == Stage.CLOSED) {
      return;
    }
    if (!frameBudget.take(System.nanoTime())) {
      close(CloseCode.RATE_LIMITED);
      return;
    }
    if (Utf8.tooLong(text, context.settings().maxFrameBytes())) {
      close(CloseCode.TOO_LARGE);
      return;
    }
    ClientFrame frame;
    try {
      frame = ClientFrame.parse(text);
    } catch (CodecException e) {
      close(CloseCode.MALFORMED);
      return;
    }
    switch (stage) {
      case AWAITING_HELLO -> {
        if (frame instanceof ClientFrame.Hello hello) {
          hello(hello);
        } else {
          close(CloseCode.MALFORMED);
        }
      }
      case JOINING -> early.add(frame);
      case JOINED -> handle(frame);
      case CLOSED -> { }
    }
  }

  private void hello(ClientFrame.Hello hello) {
    context.vertx().cancelTimer(helloTimer);
    Identity identity;
    try {
      identity = context.tokens().verify(hello.token());
    } catch (InvalidToken e) {
      close(CloseCode.UNAUTHORIZED);
      return;
    }
    long validFor = identity.expiresAt().toEpochMilli() - context.clock().getAsLong();
    if (validFor <= 0) {
      // Within the clock skew the parser allows, but a socket is never opened on an expired token.
      close(CloseCode.UNAUTHORIZED);
      return;
    }
    expiryTimer = context.vertx().setTimer(validFor, t -> close(CloseCode.UNAUTHORIZED));
    stage = Stage.JOINING;
    participantId = identity.participantId();
    sinceWasSent = hello.since() != null;
    fullWanted = hello.full();
    // Once admitted, this socket keeps the room as one of its members until it leaves.
    context.rooms().using(identity.meetingId(), loaded -> {
      room = loaded;
      if (stage == Stage.CLOSED) {
        return Future.succeededFuture();
      }
      MeetingState state = room.state();
      if (state.participant(participantId).isEmpty()) {
        close(CloseCode.UNAUTHORIZED);
      } else if (state.status() == MeetingState.Status.ENDED) {
        close(CloseCode.MEETING_GONE);
      } else {
        return room.admit(this, hello.since());
      }
      return Future.succeededFuture();
    }).onFailure(e -> close(e instanceof MeetingNotFound ? CloseCode.MEETING_GONE : CloseCode.UNAVAILABLE));
  }

  private void handle(ClientFrame frame) {
    switch (frame) {
      case ClientFrame.Ping ping -> send(ServerFrames.PONG);
      case ClientFrame.Hello hello -> close(CloseCode.MALFORMED);
      case ClientFrame.Send command -> submit(command);
    }
  }

  private void submit(ClientFrame.Send send) {
    if (send.problem() != null) {
      context.metrics().commandRefused(ErrorCode.BAD_REQUEST);
      send(ServerFrames.error(send.id(), ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, Map.of(), send.problem()));
      return;
    }
    Command command;
    try {
      command = context.methods().resolve(send.command());
    } catch (CodecException e) {
      context.metrics().commandRefused(ErrorCode.BAD_REQUEST);
      send(ServerFrames.error(send.id(), ErrorCode.BAD_REQUEST, Refusal.BAD_COMMAND, Map.of(), e.getMessage()));
      return;
    }
    room.submit(participantId, send.id(), command).onComplete(landed -> {
      if (landed.succeeded()) {
        context.metrics().commandAccepted();
        send(ServerFrames.ack(send.id(), landed.result()));
        return;
      }
      Throwable cause = landed.cause();
      if (cause instanceof Rejected rejected) {
        context.metrics().commandRefused(ErrorCode.of(rejected.reason()));
        LOG.fine(() -> LogLine.of("command_rejected", "meeting", room.meetingId(), "participant", participantId,
            "command", command.getClass().getSimpleName(), "reason", ErrorCode.of(rejected.reason()).wire()));
        send(ServerFrames.error(send.id(), ErrorCode.of(rejected.reason()), rejected.refusal(), rejected.params(),
            rejected.getMessage()));
      } else {
        context.metrics().commandRefused(ErrorCode.UNAVAILABLE);
        if (!(cause instanceof StoreUnavailable || cause instanceof ConcurrentAppend)) {
          LOG.warning(LogLine.of("command_failed", "meeting", room.meetingId(), "seq", room.seq(),
              "command", command.getClass().getSimpleName(), "error", LogLine.error(cause)));
        }
        send(ServerFrames.error(send.id(), ErrorCode.UNAVAILABLE, Refusal.NOT_SAVED, Map.of(),
            "the change could not be saved; send it again"));
      }
    });
  }

  private void send(String text) {
    if (mayWrite()) {
      socket.writeTextMessage(text);
    }
  }

  private void send(EncodedText text) {
    if (mayWrite()) {
      socket.writeFrame(text.frame());
    }
  }

  private boolean mayWrite() {
    if (stage == Stage.CLOSED || socket.isClosed()) {
      // The peer has gone; its close handler has not run yet.
      return false;
    }
    if (socket.writeQueueFull()) {
      // Everyone else in the meeting goes on; this one catches up with since after reconnecting.
      close(CloseCode.TOO_SLOW);
      return false;
    }
    return true;
  }

  private void closed() {
    stage = Stage.CLOSED;
    context.vertx().cancelTimer(helloTimer);
    if (expiryTimer >= 0) {
      context.vertx().cancelTimer(expiryTimer);
    }
    context.forget().accept(this);
    leaveRoom();
  }

  private void leaveRoom() {
    if (room != null) {
      // The room lets itself go when its last member has left.
      room.leave(this);
    }
  }
}
