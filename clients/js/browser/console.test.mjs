// The console in real Chromium against a real stack (issue 15, item 5): sign-in, live events, recovery after a dropped
// socket without duplicates, one socket for several tabs. Run by deploy/local's ConsoleBrowserTests, or by hand:
//   PULSE_GATEWAY_URL=http://localhost:8080 npm run test:browser
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, gateway, launch, signIn, skip, token, withScreenshots } from './support.mjs';

describe('Pulse console in Chromium', { skip }, () => {
  let browser;
  let doctor;
  before(async () => {
    browser = await launch();
    doctor = await token('dr.kim');
  });
  after(() => browser?.close());

  it('signs in and shows the connection live, with the user\'s channels', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await withScreenshots('sign-in', () => [page], async () => {
      await signIn(page, 'admin');
      assert.match(await page.locator('#connection').textContent(), /live \(websocket\)/);
      await page.locator('li[data-channel="ocs:all"] [data-channel-status]').filter({ hasText: /subscribed|live/ }).waitFor();
      assert.equal(await page.locator('#role').textContent(), 'leader');
    });
    await context.close();
  });

  it('shows an order created over REST live, in the feed and the worklist', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await withScreenshots('live-event', () => [page], async () => {
      await signIn(page, 'ris.park');
      const id = await createOrder(doctor, 'RIS');
      await page.locator(`#feed li[data-subject="${id}"]`).waitFor({ timeout: 30_000 });
      await page.locator(`#worklist tr[data-order-id="${id}"][data-status="REQUESTED"]`).waitFor();
      await page.locator(`#worklist tr[data-order-id="${id}"] button[data-action="accept"]`).click();
      await page.locator(`#worklist tr[data-order-id="${id}"][data-status="ACCEPTED"]`).waitFor({ timeout: 30_000 });
    });
    await context.close();
  });

  it('never shows a doctor another doctor\'s order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await withScreenshots('doctor-privacy', () => [page], async () => {
      await signIn(page, 'dr.lee');
      const others = await createOrder(doctor);
      const own = await createOrder(await token('dr.lee'));
      await page.locator(`#feed li[data-subject="${own}"]`).waitFor({ timeout: 30_000 });
      await page.locator(`#worklist tr[data-order-id="${own}"]`).waitFor();
      assert.equal(await page.locator(`[data-subject="${others}"], [data-order-id="${others}"]`).count(), 0,
        'dr.kim\'s order is not in dr.lee\'s feed or worklist');
    });
    await context.close();
  });

  it('recovers the events missed while its socket was down (closed with 1012), each once', async () => {
    const context = await browser.newContext();
    const sockets = [];
    let reopen;
    const gate = new Promise((resolve) => { reopen = resolve; });
    await context.routeWebSocket(/\/ws(\?|$)/, async (ws) => {
      sockets.push(ws);
      if (sockets.length > 1) await gate; // the reconnect waits until the missed orders exist
      ws.connectToServer();
    });
    const page = await context.newPage();
    await withScreenshots('recovery', () => [page], async () => {
      await signIn(page, 'admin');
      const before = await createOrder(doctor);
      await page.locator(`#feed li[data-subject="${before}"]`).waitFor({ timeout: 30_000 });

      await sockets[0].close({ code: 1012, reason: 'service restart (test)' });
      await page.locator('#connection:not([data-status="live"])').waitFor();
      const missed = [await createOrder(doctor), await createOrder(doctor), await createOrder(doctor)];
      reopen();

      await page.locator('#connection[data-status="live"]').waitFor({ timeout: 60_000 });
      for (const id of missed) await page.locator(`#feed li[data-subject="${id}"]`).first().waitFor({ timeout: 30_000 });
      for (const id of [before, ...missed]) {
        assert.equal(await page.locator(`#feed li[data-subject="${id}"]`).count(), 1, `order ${id} shown once`);
      }
      assert.equal(await page.locator('#duplicates').textContent(), '0', 'no event delivered twice on a channel');
      assert.ok(sockets.length >= 2, 'a second socket was opened');
    });
    await context.close();
  });

  it('gives two tabs of one user a single socket, and both the live events', async () => {
    const context = await browser.newContext();
    const opened = [];
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) page.on('websocket', (ws) => opened.push(ws.url()));
    await withScreenshots('two-tabs', () => [first, second], async () => {
      await signIn(first, 'lis.choi');
      await signIn(second, 'lis.choi');
      const roles = [await first.locator('#role').textContent(), await second.locator('#role').textContent()].sort();
      assert.deepEqual(roles, ['follower', 'leader']);
      const id = await createOrder(doctor, 'LIS');
      for (const page of [first, second]) await page.locator(`#feed li[data-subject="${id}"]`).waitFor({ timeout: 30_000 });
      assert.equal(opened.length, 1, `one socket for both tabs, opened: ${opened.join(', ')}`);
    });
    await context.close();
  });
});

if (!skip) console.log(`driving ${gateway}`);
