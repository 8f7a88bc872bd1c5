import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { act, createElement, useState } from 'react';
import TestRenderer from 'react-test-renderer';
import { PulseProvider, usePulseChannel, usePulseState } from '../src/react/index.js';
import { FakePulseServer } from './support/fake-server.js';
import { fakeClient, waitFor } from './support/helpers.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// react-test-renderer still works on React 19 and needs no DOM; its deprecation notice is not this test's business
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  if (!String(args[0]).includes('react-test-renderer is deprecated')) consoleError(...args);
};

let server: FakePulseServer;
before(async () => {
  server = await new FakePulseServer().start();
});
after(() => server.stop());

/**
 * Seed 000's worklist page: a toast per event and a re-render per event, with the handlers written inline — the
 * pattern whose `useEffect` dependencies made the seed subscribe again on every render and toast without end.
 */
function Worklist(props: { toasts: string[] }) {
  const [count, setCount] = useState(0);
  usePulseChannel('ocs:job:RIS', {
    onEvent: (event) => {
      props.toasts.push(event.id);
      setCount((n) => n + 1);
    },
  });
  const state = usePulseState();
  return createElement('p', null, `${state.status}/${state.transport ?? '-'}: ${count}`);
}

describe('React adapter', () => {
  it('subscribes once however often the component renders, shows the state, and unsubscribes on unmount', async () => {
    const client = fakeClient(server);
    const toasts: string[] = [];
    let renderer!: TestRenderer.ReactTestRenderer;
    await act(async () => {
      renderer = TestRenderer.create(
        createElement(PulseProvider, { client }, createElement(Worklist, { toasts }), createElement(Worklist, { toasts: [] })),
      );
    });
    await act(async () => {
      await waitFor(() => server.openSockets[0]?.channels.has('ocs:job:RIS') === true, 'subscribed');
      await waitFor(() => client.getState().status === 'live', 'live');
    });
    await act(async () => {
      for (let i = 0; i < 5; i++) server.publish(['ocs:job:RIS']);
      await waitFor(() => toasts.length === 5, 'five events');
    });
    const text = () => (renderer.toJSON() as TestRenderer.ReactTestRendererJSON[]).map((p) => p.children!.join(''));
    assert.deepEqual(text(), ['live/websocket: 5', 'live/websocket: 5']);
    assert.equal(new Set(toasts).size, 5, 'one toast per event');
    assert.equal(server.clientFrames.filter((f) => f.type === 'subscribe').length, 1, 'two components, five re-renders: one subscribe');
    assert.equal(server.handshakes.length, 1);

    await act(async () => renderer.unmount());
    await waitFor(() => server.clientFrames.some((f) => f.type === 'unsubscribe'), 'unsubscribed on unmount');
    client.close();
    await waitFor(() => server.openSockets.length === 0, 'closed');
  });
});
