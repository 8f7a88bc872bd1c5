import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { GatewaySession } from '../src/auth/gateway-session.js';
import { PulseClient } from '../src/client.js';
import { createPulseApi } from '../src/rest/index.js';
import type { CloudEvent } from '../src/protocol/frames.js';
import type { WebSocketConstructor } from '../src/transports/websocket-like.js';
import { duplicates, waitFor } from './support/helpers.js';

/**
 * Against a real notification-service (through the gateway, or straight), when one is reachable:
 *
 *   PULSE_TEST_NOTIFICATION_URL=http://localhost:8080 npm test
 *
 * Signs in at PULSE_TEST_GATEWAY_URL (default: the same URL) as PULSE_TEST_USER/PULSE_TEST_PASSWORD (default
 * admin/pulse), or uses PULSE_TEST_TOKEN. With ocs-service behind the gateway it also creates orders and checks that
 * an event missed during a dropped connection arrives once after the reconnect.
 */
const url = process.env.PULSE_TEST_NOTIFICATION_URL;
const skip = url ? false : 'PULSE_TEST_NOTIFICATION_URL is not set: no real notification-service to talk to';

/** `ws` sockets the test can cut, as a network would. */
const sockets: WebSocket[] = [];
class CuttableWebSocket extends WebSocket {
  constructor(address: string) {
    super(address);
    sockets.push(this);
  }
}

describe('real notification-service', () => {
  let client: PulseClient | undefined;
  after(() => client?.close());

  it('connects, recovers after a dropped socket, and (with ocs-service) delivers each order event once', { skip }, async () => {
    const gatewayUrl = process.env.PULSE_TEST_GATEWAY_URL ?? url!;
    const session = process.env.PULSE_TEST_TOKEN
      ? undefined
      : await GatewaySession.signIn({ url: gatewayUrl }, process.env.PULSE_TEST_USER ?? 'admin', process.env.PULSE_TEST_PASSWORD ?? 'pulse');
    const getToken = session?.getToken ?? (() => process.env.PULSE_TEST_TOKEN!);
    client = new PulseClient({
      url: url!,
      getToken,
      WebSocket: CuttableWebSocket as unknown as WebSocketConstructor,
      tabs: false,
      network: null,
      backoff: { baseMs: 100, capMs: 1_000 },
    });
    client.connect();
    await waitFor(() => client!.getState().status === 'live', () => `live (state ${JSON.stringify(client!.getState())})`, 15_000);
    const user = client.getState().user!;
    assert.ok(user.id, 'connected names the user');

    const events: CloudEvent[] = [];
    const channel = process.env.PULSE_TEST_CHANNEL ?? (user.roles?.includes('ADMIN') ? 'ocs:all' : `user:${user.id}`);
    client.subscribe(channel, { onEvent: (event) => events.push(event) });
    await waitFor(() => client!.getPositions()[channel] !== undefined, `a position for ${channel}`, 10_000);

    const api = createPulseApi({ url: gatewayUrl, getToken });
    const ocsReachable = channel === 'ocs:all' && (await api.ocs.list({ size: 1 }).then(() => true, () => false));
    if (!ocsReachable) {
      sockets.at(-1)!.terminate();
      await waitFor(() => sockets.length === 2 && client!.getState().status === 'live', 'reconnected', 15_000);
      console.log(`# integration: connected as ${user.id}, reconnected; ocs-service not reachable, no events checked`);
      return;
    }
    const first = await api.ocs.create({ patientId: 'P-JS-1', jobRole: 'RIS', orderCode: 'CT-HEAD' });
    await waitFor(() => events.some((e) => (e.data as { orderId?: string }).orderId === first.order.id), 'the created order\'s event', 10_000);

    sockets.at(-1)!.terminate();
    const missed = await api.ocs.create({ patientId: 'P-JS-2', jobRole: 'LIS', orderCode: 'CBC' });
    await waitFor(() => events.some((e) => (e.data as { orderId?: string }).orderId === missed.order.id), 'the event missed while cut off', 15_000);
    await api.ocs.accept(missed.order.id).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(sockets.length, 2, 'one reconnect');
    assert.deepEqual(duplicates(events.map((e) => e.id)), [], 'nothing twice');
  });
});
