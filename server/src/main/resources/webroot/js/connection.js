// One WebSocket to the server: hello, resume with `since`, re-send what was not acknowledged,
// reconnect with back-off. The server owns the state; this only carries it.

const RECONNECT_AFTER = new Set([1001, 1006, 1011, 1012, 1013, 4408, 4429, 4503, 4507]);
const MAX_BACKOFF_MS = 15000;

export class Connection {
  /**
   * @param handlers {welcome(frame), applied(frame), presence(frame), status(state, detail), closedForGood(code)}
   */
  constructor(token, handlers) {
    this.token = token;
    this.handlers = handlers;
    this.lastSeq = null;
    this.pending = new Map(); // command id -> {command, resolve, reject}
    this.attempt = 0;
    this.socket = null;
    this.welcomed = false;
    this.stopped = false;
    this.clockOffset = 0;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    this.socket?.close(1000);
  }

  /** Server time now, from the offset measured at the last frame that carried serverTime. */
  now() {
    return Date.now() + this.clockOffset;
  }

  /** Sends a command; resolves with the ack, rejects with the server's error. Kept until acknowledged. */
  send(command) {
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { command, resolve, reject });
      this.transmit(id, command);
    });
  }

  transmit(id, command) {
    if (this.welcomed && this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type: 'send', id, command }));
    }
  }

  open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    this.socket = socket;
    this.welcomed = false;
    this.handlers.status('connecting');
    socket.addEventListener('open', () => {
      const hello = { type: 'hello', token: this.token };
      if (this.lastSeq !== null) {
        hello.since = this.lastSeq;
      }
      socket.send(JSON.stringify(hello));
    });
    socket.addEventListener('message', (message) => this.received(JSON.parse(message.data)));
    socket.addEventListener('close', (event) => this.closed(socket, event.code));
  }

  received(frame) {
    if (frame.serverTime) {
      this.clockOffset = frame.serverTime - Date.now();
    }
    switch (frame.type) {
      case 'welcome':
        this.welcomed = true;
        this.attempt = 0;
        this.lastSeq = frame.seq;
        this.handlers.status('online');
        this.handlers.welcome(frame);
        // Whatever was sent but never acknowledged goes again, under the same id: applied once.
        for (const [id, { command }] of this.pending) {
          this.transmit(id, command);
        }
        break;
      case 'applied':
        if (this.lastSeq !== null && frame.seq !== this.lastSeq + 1) {
          // A gap means something was lost on the way: start over from what we have.
          this.socket.close(4000, 'gap');
          return;
        }
        this.lastSeq = frame.seq;
        this.handlers.applied(frame);
        break;
      case 'ack':
        this.settle(frame.id, (p) => p.resolve(frame));
        break;
      case 'error':
        if (frame.temporary) {
          // The server could not save it just now: the same id again shortly (or after the next welcome).
          setTimeout(() => {
            const pending = this.pending.get(frame.id);
            if (pending) {
              this.transmit(frame.id, pending.command);
            }
          }, 2000);
          return;
        }
        this.settle(frame.id, (p) => p.reject(new Error(frame.message)));
        break;
      case 'presence':
        this.handlers.presence(frame);
        break;
      default:
        break;
    }
  }

  settle(id, action) {
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      action(pending);
    }
  }

  closed(socket, code) {
    if (socket !== this.socket || this.stopped) {
      return;
    }
    this.welcomed = false;
    if (code !== 4000 && !RECONNECT_AFTER.has(code) && code >= 4000) {
      this.handlers.status('offline');
      this.handlers.closedForGood(code);
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    this.handlers.status('reconnecting', Math.ceil(delay / 1000));
    setTimeout(() => this.open(), delay);
  }
}
