// The live market page at /: Debian's headless Chromium, driven by playwright-core, opens it while the simulator
// streams, picks a mint, sees the candle chart render and a live trade arrive, and saves a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startGateway, startSimulator } from './harness.mjs';

const chromiumPath = '/usr/bin/chromium';
// This machine's closed network: no sandbox (root), no GPU, no QUIC and none of Chromium's own background requests.
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const resultsDir = fileURLToPath(new URL('./test-results/', import.meta.url));

// Every console error, page error, failed request and request that leaves this machine.
function watchForProblems(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && !['127.0.0.1', 'localhost'].includes(url.hostname)) problems.push(`request to ${r.url()}`);
  });
  return problems;
}

const tradeListState = () => ({
  count: Number(document.querySelector('#trades').dataset.count),
  newestSeq: Math.max(0, ...[...document.querySelectorAll('#trades li[data-seq]')].map((li) => Number(li.dataset.seq))),
});
const liveTradeAfter = (since) => [...document.querySelectorAll('#trades li[data-seq]')].some((li) => Number(li.dataset.seq) > since);

test('the market page lists the newest mints, charts the chosen one and shows a trade as it happens', { timeout: 240_000 }, async () => {
  assert.ok(fs.existsSync(chromiumPath), `${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does)`);
  fs.mkdirSync(resultsDir, { recursive: true });
  const sim = await startSimulator(['--seed', '17', '--mints', '3', '--prefill', '60', '--transactions', '-1', '--rate', '20']);
  let gateway;
  let browser;
  try {
    gateway = await startGateway(sim);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const problems = watchForProblems(page);
    try {
      await page.goto(`${gateway.url}/`);
      await page.locator('#connection[data-state="connected"]').waitFor();

      const first = page.locator('#mints li[data-mint]').first();
      await first.waitFor();
      const mint = await first.getAttribute('data-mint');
      await first.click();
      const item = page.locator(`#mints li[data-mint="${mint}"]`);
      assert.equal(await item.getAttribute('aria-selected'), 'true');
      assert.match(await item.locator('.name').textContent(), /\S/);
      assert.match(await item.locator('.symbol').textContent(), /\S/);
      await page.waitForFunction((m) => /\d/.test(document.querySelector(`#mints li[data-mint="${m}"] .price`)?.textContent), mint);
      assert.equal(await page.locator('#mint-address').textContent(), mint);

      await page.waitForFunction(() => Number(document.querySelector('#chart').dataset.candles) > 0);
      const canvas = await page.locator('#chart canvas').first().evaluate((c) => ({ width: c.width, height: c.height }));
      assert.ok(canvas.width > 0 && canvas.height > 0, `chart canvas ${JSON.stringify(canvas)}`);

      // A new live trade: after the sequence number the events subscription was acknowledged at (the last history
      // event) and after every trade the list shows now.
      const since = Number(await page.locator('#trades[data-since]').getAttribute('data-since'));
      const before = await page.evaluate(tradeListState);
      const after = Math.max(since, before.newestSeq);
      await page.waitForFunction(liveTradeAfter, after);
      const newest = page.locator('#trades li').first();
      assert.ok(Number(await newest.getAttribute('data-seq')) > after, 'the newest trade is on top');
      assert.ok((await page.evaluate(tradeListState)).count > before.count);
      assert.match(await newest.locator('.side').textContent(), /^(buy|sell)$/);
      assert.match(await newest.locator('.sol').textContent(), /^\d+\.\d+ SOL$/);
      assert.match(await newest.locator('.price').textContent(), /\d/);

      await page.locator('#intervals button[data-interval="s1"]').click();
      await page.waitForFunction(() => document.querySelector('#chart').dataset.interval === 's1'
        && Number(document.querySelector('#chart').dataset.candles) > 0);

      await page.screenshot({ path: `${resultsDir}market-page.png`, fullPage: true });
      assert.deepEqual(problems, []);
    } catch (error) {
      await page.screenshot({ path: `${resultsDir}market-page-failure.png`, fullPage: true }).catch((e) => console.error(`no failure screenshot: ${e.message}`));
      throw error;
    }
  } finally {
    await browser?.close();
    gateway?.stop();
    sim.stop();
  }
});
