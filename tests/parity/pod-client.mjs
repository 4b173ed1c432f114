// A client for the parity suite, run inside a pod's (or a node's) network namespace:
//   node pod-client.mjs hold tcp|udp HOST PORT [MS] one connection: prints the answer, closes when stdin ends
//   node pod-client.mjs many tcp|udp HOST PORT N N connections one after another: prints every answer
// Each result is {"pod":..,"peer":..} or {"error":"ECONNREFUSED"|"ETIMEDOUT"|..}.
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

const [mode, protocol, host, portText, countText] = process.argv.slice(2);
const port = Number(portText);
// hold's optional last argument: how long to wait for an answer (a dropped connection waits it out).
const TIMEOUT_MS = mode === 'hold' && countText !== undefined ? Number(countText) : 3000;

/** One TCP connection: resolves with the answer and the socket (still open), or an error. */
function tcpOnce() {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let buffered = '';
    const timer = setTimeout(() => finish({ error: 'ETIMEDOUT' }), TIMEOUT_MS);
    const finish = (result) => {
      clearTimeout(timer);
      resolve({ result, socket });
    };
    socket.on('error', (e) => finish({ error: e.code ?? e.message }));
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline >= 0) finish(JSON.parse(buffered.slice(0, newline)));
    });
  });
}

/** One UDP request from a fresh socket (a new source port: a new conntrack entry, a new pick). */
function udpOnce() {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => finish({ error: 'ETIMEDOUT' }), TIMEOUT_MS);
    const finish = (result) => {
      clearTimeout(timer);
      resolve({ result, socket });
    };
    socket.on('error', (e) => finish({ error: e.code ?? e.message }));
    socket.on('message', (msg) => finish(JSON.parse(msg.toString().trim())));
    socket.connect(port, host, () => socket.send('hello'));
  });
}

const once = protocol === 'udp' ? udpOnce : tcpOnce;
const close = (socket) => (protocol === 'udp' ? socket.close() : socket.end());

if (mode === 'hold') {
  const { result, socket } = await once();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    close(socket);
    setTimeout(() => process.exit(0), 100);
  });
} else {
  const results = [];
  for (let i = 0; i < Number(countText); i++) {
    const { result, socket } = await once();
    results.push(result);
    if (protocol === 'tcp' && result.error) socket.destroy();
    else close(socket);
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
