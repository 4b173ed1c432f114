// A pod's server for the parity suite: `node pod-server.mjs NAME tcp:8080 udp:8080 ...`.
// Each answer is one JSON line naming the pod and the peer address it saw, so the suite can
// tell which endpoint the kernel picked and whether the source was masqueraded.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

const [name, ...specs] = process.argv.slice(2);
const answer = (address, port) => `${JSON.stringify({ pod: name, peer: `${address}:${port}` })}\n`;
let pending = specs.length;
const listening = () => {
  pending -= 1;
  if (pending === 0) process.stdout.write('ready\n');
};

for (const spec of specs) {
  const [protocol, portText] = spec.split(':');
  const port = Number(portText);
  if (protocol === 'tcp') {
    // Answer at once and keep the connection open until the client closes it: the suite reads
    // conntrack while the first connection is still ESTABLISHED.
    const server = createServer((socket) => {
      socket.on('error', () => {});
      socket.write(answer(socket.remoteAddress, socket.remotePort));
      socket.on('end', () => socket.end());
    });
    server.listen(port, '0.0.0.0', listening);
  } else {
    const socket = createSocket('udp4');
    socket.on('message', (_msg, rinfo) => socket.send(answer(rinfo.address, rinfo.port), rinfo.port, rinfo.address));
    socket.bind(port, '0.0.0.0', listening);
  }
}
if (specs.length === 0) process.stdout.write('ready\n');
