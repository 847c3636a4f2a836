import { WebSocketServer } from 'ws';

/** The floor: a WebSocket server that echoes each message, nothing else. */
const wss = new WebSocketServer({
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1',
});
wss.on('listening', () => {
  const address = wss.address();
  console.log(`echo listening on port ${typeof address === 'object' && address ? address.port : 0}`);
});
wss.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
process.once('SIGTERM', () => wss.close(() => process.exit(0)));
