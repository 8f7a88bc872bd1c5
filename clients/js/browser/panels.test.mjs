// The console's domain panels in real Chromium against a real stack (issue 15, item 4): each proves liveness across
// two browser contexts (two people at two phone-sized screens) and that a panel is shown only to whom may use it.
// Run by deploy/local's ConsoleBrowserTests, or by hand: PULSE_GATEWAY_URL=http://localhost:8080 npm run test:browser
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, person, rest, skip, token, withScreenshots } from './support.mjs';

const LIVE = { timeout: 30_000 };

describe('Pulse console panels in Chromium', { skip }, () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(() => browser?.close());

  it('draws an SPC chart that shows another user\'s measurement live, with its violation', async () => {
    const quality = await token('qa.jung');
    const code = `E2E-${Date.now()}`;
    const product = await rest('POST', '/api/spc/products', quality,
      { code, name: 'Browser test pin', unit: 'mm', lsl: 9, usl: 11, target: 10, subgroupSize: 1 });
    // 25 individuals freeze the limits (a stable baseline around 10)
    await rest('POST', `/api/spc/products/${product.id}/measurements/batch`, await token('op.han'),
      { measurements: Array.from({ length: 25 }, (_, i) => ({ value: Number((10 + 0.04 * Math.sin(i * 1.7)).toFixed(4)) })) });

    const qa = await person(browser, 'qa.jung');
    const op = await person(browser, 'op.han');
    await withScreenshots('spc-chart', () => [qa.page, op.page], async () => {
      for (const { page } of [qa, op]) await page.locator('#spc-product').selectOption(String(product.id));
      const chart = qa.page.locator(`#spc-chart[data-product="${product.id}"]`);
      await chart.locator('[data-point="25"]').waitFor(LIVE);
      for (const line of ['center', 'ucl', 'lcl']) assert.equal(await chart.locator(`[data-line="${line}"]`).count(), 1, line);
      assert.equal(await chart.locator('[data-violation]').count(), 0, 'a stable baseline breaks no test');
      assert.equal(await qa.page.locator('#spc-record').isVisible(), true, 'quality may record');

      await op.page.getByLabel('Measurement', { exact: true }).fill('10.9'); // far beyond the upper control limit, within spec
      await op.page.getByRole('button', { name: 'Record' }).click();
      await chart.locator('[data-point="26"][data-violation]').waitFor(LIVE);
      await qa.page.locator('#spc-violations li[data-point="26"]').waitFor(LIVE);
      assert.match(await chart.locator('svg').getAttribute('aria-label'), /26 points/);
    });
    await qa.context.close();
    await op.context.close();
  });

  it('moves a patient by the server\'s actions, and a nurse\'s call-next reaches the board and the patient live', async () => {
    const nurse = await person(browser, 'nurse.yoon');
    const patient = await person(browser, 'patient.1001');
    await withScreenshots('journey', () => [nurse.page, patient.page], async () => {
      assert.equal(await patient.page.locator('#queues').isVisible(), false, 'no queue board for a patient');
      assert.equal(await nurse.page.locator('#my-journey').isVisible(), false, 'no "my visit" for staff');
      assert.equal(await nurse.page.locator('#spc').isVisible(), false, 'no SPC chart for a nurse');
      await nurse.page.locator('#board[data-exam="XRAY"]').waitFor(LIVE);

      const state = patient.page.locator('#my-state');
      const actions = patient.page.locator('#my-actions button');
      await patient.page.locator('#my-state[data-state="UNREGISTERED"]').waitFor(LIVE);
      assert.deepEqual(await actions.evaluateAll((bs) => bs.map((b) => b.dataset.action)), ['scan_nfc'],
        'the buttons are the server\'s available actions');
      await patient.page.locator('#my-actions button[data-action="scan_nfc"]').click();
      await patient.page.locator('#my-state[data-state="ARRIVED"]').waitFor(LIVE);
      await patient.page.locator('#my-actions button[data-action="register"]').click();
      await patient.page.locator('#my-state[data-state="REGISTERED"]').waitFor(LIVE);
      await patient.page.locator('#my-actions button[data-action="confirm_arrival"][data-exam="XRAY"]').click();
      await patient.page.locator('#my-state[data-state="WAITING"]').waitFor(LIVE);
      const entry = await patient.page.locator('#my-queues li[data-exam="XRAY"]').textContent();
      const number = /no\. (\d+)/.exec(entry)?.[1];
      assert.ok(number, `a queue number in "${entry}"`);

      await nurse.page.locator(`#board [data-column="board-waiting"] li[data-queue-number="${number}"]`).waitFor(LIVE);
      await nurse.page.getByRole('button', { name: 'Call next' }).click();
      await nurse.page.locator(`#board [data-column="board-called"] li[data-queue-number="${number}"]`).waitFor(LIVE);
      assert.equal(await nurse.page.locator(`#board [data-column="board-waiting"] li[data-queue-number="${number}"]`).count(), 0);
      await patient.page.locator('#my-state[data-state="CALLED"]').waitFor(LIVE);
      await patient.page.locator('#my-call').filter({ hasText: /You are called: X-ray/ }).waitFor(LIVE);
      assert.equal(await state.textContent(), 'CALLED');
      // the nurse sees the called patient's journey with the staff actions the server offers
      await nurse.page.locator('#staff-state').filter({ hasText: 'CALLED' }).waitFor(LIVE);
      await nurse.page.locator('#staff-actions button[data-action="start_exam"]').click();
      await patient.page.locator('#my-state[data-state="IN_PROGRESS"]').waitFor(LIVE);
      await nurse.page.locator(`#board [data-column="board-serving"] li[data-queue-number="${number}"]`).waitFor(LIVE);
    });
    await nurse.context.close();
    await patient.context.close();
  });

  it('shows one employee\'s vote in another\'s tally live, with both counted online', async () => {
    const poll = await rest('POST', '/api/vote/polls', await token('admin'), {
      title: `Browser test lunch ${Date.now()}`, kind: 'PLACE',
      options: [{ label: 'Noodles' }, { label: 'Rice' }, { label: 'Salad' }],
    });
    const rice = poll.options.find((o) => o.label === 'Rice').id;
    const watcher = await person(browser, 'emp.12345');
    const voter = await person(browser, 'emp.20001');
    await withScreenshots('vote', () => [watcher.page, voter.page], async () => {
      assert.equal(await watcher.page.locator('#spc').isVisible(), false, 'no SPC chart for an employee');
      assert.equal(await watcher.page.locator('#queues').isVisible(), false, 'no queue board for an employee');
      for (const { page } of [watcher, voter]) {
        await page.locator('#poll-select').selectOption(String(poll.id));
        await page.locator(`#poll-title`).filter({ hasText: poll.title }).waitFor(LIVE);
      }
      for (const { page } of [watcher, voter]) await page.locator('#presence').filter({ hasText: /^2$/ }).waitFor(LIVE);
      assert.equal(await watcher.page.locator(`[data-votes="${rice}"]`).textContent(), '0');

      await voter.page.getByLabel('Rice', { exact: true }).check();
      await voter.page.getByRole('button', { name: 'Vote', exact: true }).click();
      await watcher.page.locator(`[data-votes="${rice}"]`).filter({ hasText: /^1$/ }).waitFor(LIVE);
      assert.equal(await watcher.page.locator('#voters').textContent(), '1');
      await voter.page.locator(`[data-votes="${rice}"]`).filter({ hasText: /^1$/ }).waitFor(LIVE);
    });
    await watcher.context.close();
    await voter.context.close();
  });
});
