// The peer: Socket.IO rooms, one command in, an event out to everyone in the room (the sender
// included, as its echo). With DATABASE_URL set, each command is inserted into PostgreSQL before
// it is broadcast: what a team would write to make Socket.IO "durable".
//   PORT=9300 [DATABASE_URL=postgres://...] node sio-server.js
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.env.PORT || 9300);
const pool = process.env.DATABASE_URL ? new (require('pg').Pool)({ connectionString: process.env.DATABASE_URL, max: 8 }) : null;
const seqs = new Map();

async function main() {
  if (pool) {
    await pool.query(`CREATE TABLE IF NOT EXISTS peer_event (
      room TEXT NOT NULL, seq BIGINT NOT NULL, payload JSONB NOT NULL, PRIMARY KEY (room, seq))`);
  }
  const server = http.createServer();
  const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 16 * 1024 });
  io.on('connection', (socket) => {
    socket.on('join', (room, ack) => {
      if (typeof room !== 'string' || room.length > 64) return;
      socket.join(room);
      socket.data.room = room;
      if (typeof ack === 'function') ack({ seq: seqs.get(room) || 0 });
    });
    socket.on('cmd', async (cmd) => {
      const room = socket.data.room;
      if (!room || !cmd || typeof cmd.id !== 'string') return;
      const seq = (seqs.get(room) || 0) + 1;
      seqs.set(room, seq);
      const event = { seq, id: cmd.id, type: cmd.type, text: cmd.text };
      if (pool) {
        try {
          await pool.query('INSERT INTO peer_event (room, seq, payload) VALUES ($1, $2, $3)', [room, seq, event]);
        } catch (e) {
          return; // not stored: not broadcast
        }
      }
      io.to(room).emit('evt', event);
    });
  });
  server.listen(port, '127.0.0.1', () => console.log(`peer listening on ${port}${pool ? ' (storing in PostgreSQL)' : ''}`));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
