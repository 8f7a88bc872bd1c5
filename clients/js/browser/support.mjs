// What the browser tests share: the gateway they drive, Chromium, REST calls made outside the browser, screenshots.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

export const gateway = process.env.PULSE_GATEWAY_URL;
export const chromiumPath = process.env.PULSE_CHROMIUM ?? '/usr/bin/chromium';
export const screenshots = process.env.PULSE_SCREENSHOTS ?? new URL('../target/browser-screenshots/', import.meta.url).pathname;

/** Why the tests cannot run here, or false. */
export const skip = !gateway
  ? 'PULSE_GATEWAY_URL is not set: no stack to drive (deploy/local\'s ConsoleBrowserTests starts one)'
  : !existsSync(chromiumPath) ? `no Chromium at ${chromiumPath} (apt-get install -y chromium)` : false;

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function token(username) {
  const response = await fetch(`${gateway}/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'pulse' }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Creates an order over REST as a doctor; returns its id. */
export async function createOrder(doctorToken, jobRole = 'RIS') {
  const response = await fetch(`${gateway}/api/ocs/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${doctorToken}` },
    body: JSON.stringify({ patientId: 'P-1001', jobRole, orderCode: jobRole === 'RIS' ? 'CT-HEAD' : 'CBC', priority: 'STAT' }),
  });
  if (response.status !== 201) throw new Error(`create order: ${response.status} ${await response.text()}`);
  return (await response.json()).id;
}

/** Opens the console and signs in; resolves when the connection is live. */
export async function signIn(page, username) {
  await page.goto(`${gateway}/console/`);
  await page.getByLabel('User').fill(username);
  await page.getByLabel('Password').fill('pulse');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#connection[data-status="live"]').waitFor({ timeout: 60_000 });
}

/** Runs a test body, keeping a screenshot of every page (named after the test) whether it passed or failed. */
export async function withScreenshots(name, pages, body) {
  try {
    await body();
  } finally {
    await mkdir(screenshots, { recursive: true });
    for (const [i, page] of pages().entries()) {
      await page.screenshot({ path: `${screenshots}/${name}${i ? `-${i + 1}` : ''}.png`, fullPage: true }).catch(() => {});
    }
  }
}

/** A REST call through the gateway with a token; resolves to the parsed answer, throws on anything but 2xx. */
export async function rest(method, path, bearer, body) {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** A new page in a context of its own (its own tab leader and socket): another person at another screen. */
export async function person(browser, username) {
  // phones in the hospital: its zone (journey-service's default, Asia/Seoul) for appointment times
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}
