// The fake notification-service of reconnect-storm.mjs, in its own thread so the clients' event loop does not pace
// the handshakes it counts. Commands by message: drop (every socket, then publish `missed` events), report, stop.
import { parentPort, workerData } from 'node:worker_threads';

const { FakePulseServer } = await import(new URL('build/test/support/fake-server.js', workerData.client).href);
const server = await new FakePulseServer().start();
server.heartbeat = 60;
parentPort.postMessage({ type: 'started', url: server.url });

parentPort.on('message', async (command) => {
  if (command.type === 'drop') {
    const from = server.handshakes.length;
    const at = Date.now();
    server.dropAll();
    const ids = [];
    for (let i = 0; i < command.missed; i++) ids.push(server.publish(['storm'], { n: i }).id);
    parentPort.postMessage({ type: 'dropped', at, from, ids });
  } else if (command.type === 'report') {
    parentPort.postMessage({ type: 'report', handshakes: server.handshakes.slice(command.from).map((h) => h.at) });
  } else if (command.type === 'stop') {
    await server.stop();
    parentPort.postMessage({ type: 'stopped' });
  }
});
