// One WebSocket to the server: hello, resume with `since`, re-send what was not acknowledged,
// notice a connection that died silently, reconnect with back-off. The server owns the state;
// this only carries it.

import { newId } from './session.js';

/** Close codes after which connecting again cannot help (docs/PROTOCOL.md, section 9). */
const FINAL = new Set([4400, 4401, 4403, 4404, 4413]);
const MAX_BACKOFF_MS = 15000;
/** Until the welcome says otherwise (welcome.liveness). */
const DEFAULT_LIVENESS = { pingEveryMs: 20000, timeoutMs: 10000 };
/** A socket that does not get to its welcome in this time is given up and opened again. */
const WELCOME_DEADLINE_MS = 10000;

export class Connection {
  /**
   * @param token the meeting token
   * @param lastSeq the last seq this device applied before (a reload), or null
   * @param handlers {welcome(frame, fromMemory), applied(frame), presence(frame), status(state, detail), closedForGood(code)}
   */
  constructor(token, lastSeq, handlers) {
    this.token = token;
    this.handlers = handlers;
    this.lastSeq = lastSeq;
    // After a reload the page has no state in memory: the first welcome must bring it whole.
    this.haveState = false;
    this.pending = new Map(); // command id -> {command, resolve, reject}
    this.attempt = 0;
    this.socket = null;
    this.welcomed = false;
    this.stopped = false;
    this.offsets = [];
    this.liveness = DEFAULT_LIVENESS;
    this.lastHeard = 0;
    this.pingSentAt = 0;
    this.openedAt = 0;
    this.watch = null;
    this.retry = null;
    this.wake = () => this.checkNow();
  }

  start() {
    this.stopped = false;
    this.open();
    this.watch = setInterval(() => this.check(), 1000);
    // A laptop waking up or a network coming back: find out at once whether the socket still lives.
    document.addEventListener('visibilitychange', this.wake);
    window.addEventListener('online', this.wake);
  }

  stop() {
    this.stopped = true;
    clearInterval(this.watch);
    clearTimeout(this.retry);
    document.removeEventListener('visibilitychange', this.wake);
    window.removeEventListener('online', this.wake);
    this.socket?.close(1000);
  }

  /** Server time now: the largest recent estimate of the offset is the best (docs/PROTOCOL.md, section 12). */
  now() {
    return Date.now() + (this.offsets.length ? Math.max(...this.offsets) : 0);
  }

  /** Sends a command; resolves with the ack, rejects with the server's error frame. Kept until answered. */
  send(command) {
    const id = newId();
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
    this.openedAt = Date.now();
    this.pingSentAt = 0;
    this.handlers.status(this.attempt === 0 ? 'connecting' : 'reconnecting');
    socket.addEventListener('open', () => {
      const hello = { type: 'hello', token: this.token };
      if (this.lastSeq !== null) {
        hello.since = this.lastSeq;
        if (!this.haveState) {
          hello.full = true;
        }
      }
      socket.send(JSON.stringify(hello));
    });
    socket.addEventListener('message', (message) => {
      if (socket === this.socket) {
        this.received(JSON.parse(message.data));
      }
    });
    socket.addEventListener('close', (event) => this.closed(socket, event.code));
  }

  received(frame) {
    this.lastHeard = Date.now();
    this.pingSentAt = 0;
    if (frame.serverTime) {
      this.offsets.push(frame.serverTime - Date.now());
      if (this.offsets.length > 20) {
        this.offsets.shift();
      }
    }
    switch (frame.type) {
      case 'welcome':
        this.welcome(frame);
        break;
      case 'applied':
        if (this.lastSeq !== null && frame.seq !== this.lastSeq + 1) {
          // A gap means something was lost on the way: start over from what we have.
          this.drop(4000);
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
        this.settle(frame.id, (p) => p.reject(frame));
        break;
      case 'presence':
        this.handlers.presence(frame);
        break;
      default:
        break;
    }
  }

  welcome(frame) {
    if (!frame.state && !this.haveState) {
      // A welcome that brings changes only, while there is nothing to apply them to: ask for all.
      this.lastSeq = null;
      this.drop(4000);
      return;
    }
    this.welcomed = true;
    this.attempt = 0;
    this.lastSeq = frame.seq;
    this.haveState = true;
    this.liveness = frame.liveness ?? DEFAULT_LIVENESS;
    this.offsets = this.offsets.slice(-1);
    this.handlers.status('online');
    this.handlers.welcome(frame);
    // Whatever was sent but never acknowledged goes again, under the same id: applied once.
    for (const [id, { command }] of this.pending) {
      this.transmit(id, command);
    }
  }

  settle(id, action) {
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      action(pending);
    }
  }

  /** Once a second: ping a quiet socket, and give up on one that does not answer. */
  check() {
    if (this.stopped || !this.socket) {
      return;
    }
    const now = Date.now();
    if (!this.welcomed) {
      if (this.socket.readyState !== WebSocket.CLOSED && now - this.openedAt > WELCOME_DEADLINE_MS) {
        this.drop(4000);
      }
      return;
    }
    if (this.pingSentAt && now - this.pingSentAt > this.liveness.timeoutMs) {
      this.drop(4504);
    } else if (!this.pingSentAt && now - this.lastHeard > this.liveness.pingEveryMs) {
      this.ping();
    }
  }

  checkNow() {
    if (!this.stopped && this.welcomed && !this.pingSentAt && document.visibilityState === 'visible') {
      this.ping();
    }
  }

  ping() {
    this.pingSentAt = Date.now();
    if (this.socket.readyState === WebSocket.OPEN) {
      this.socket.send('{"type":"ping"}');
    }
  }

  /**
   * Leaves this socket for good and connects again. A socket that died silently may take minutes to
   * report its close, so the page does not wait for it.
   */
  drop(code) {
    const socket = this.socket;
    this.socket = null;
    try {
      socket?.close(4000 <= code && code < 5000 ? 4000 : 1000);
    } catch {
      // already closing
    }
    this.reconnect(code);
  }

  closed(socket, code) {
    if (socket !== this.socket || this.stopped) {
      return;
    }
    this.socket = null;
    if (FINAL.has(code)) {
      this.welcomed = false;
      this.handlers.status('offline');
      this.handlers.closedForGood(code);
      return;
    }
    this.reconnect(code);
  }

  reconnect(code) {
    this.welcomed = false;
    clearTimeout(this.retry);
    // A server going away (1001) or a socket we gave up on: try again at once, then back off.
    const quick = code === 1001 || code === 4000 || code === 4504;
    const base = quick && this.attempt === 0 ? 100 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    const delay = (code === 4429 ? Math.max(base, 3000) : base) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    this.handlers.status('reconnecting', Math.ceil(delay / 1000));
    this.retry = setTimeout(() => this.open(), delay);
  }
}
