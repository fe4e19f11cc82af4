// Live push to a Node client: npm's @microsoft/signalr subscribes to the events and candles of several mints while the
// simulator streams with faults, and receives exactly the simulator's truth, in order, and the last state of every
// candle that /api/kline serves. The Node twin of Gateway.Tests' EndToEnd/PushTests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { startGateway, startSimulator } from './harness.mjs';

const patience = 120_000;
const stream = ['--seed', '51', '--mints', '4', '--prefill', '120', '--transactions', '1500', '--rate', '150', '--slot-ms', '100',
  '--drop-every-ms', '3000', '--duplicate-rate', '0.05', '--skip-rate', '0.05'];
const subscriptions = [['s1', 1000], ['m1', undefined]];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls another process, which has no push signal, until check() holds.
async function until(check, ms, what) {
  for (const deadline = Date.now() + ms; !(await check());) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

// A real client of /hubs/market that records everything it receives, notes order violations as messages arrive, and
// lets a test await a condition over what it has received (checked on every message).
class MarketClient {
  events = new Map();
  candles = new Map();
  violations = [];
  #candleSeq = new Map();
  #waiters = new Set();

  constructor(connection) {
    this.connection = connection;
    connection.on('Event', (m) => this.#onEvent(m));
    connection.on('CandleHistory', (m) => this.#onCandles(m, m.candles, true));
    connection.on('Candle', (m) => this.#onCandles(m, [m.candle], false));
  }

  static async connect(baseUrl) {
    const client = new MarketClient(new HubConnectionBuilder().withUrl(`${baseUrl}/hubs/market`).configureLogging(LogLevel.Warning).build());
    await client.connection.start();
    return client;
  }

  subscribeEvents(mint, since, history) { return this.connection.invoke('SubscribeEvents', { mint, since, history }); }

  subscribeCandles(mint, interval, history) { return this.connection.invoke('SubscribeCandles', { mint, interval, history }); }

  eventsOf(mint) { return this.events.get(mint) ?? []; }

  candlesOf(mint, interval) { return this.candles.get(`${mint} ${interval}`); }

  // Resolves when condition() holds; on timeout, fails with what was received.
  waitFor(condition, ms, what) {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { condition, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const received = [...this.events].map(([mint, list]) => `${mint}: ${list.length}`).join(', ');
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; received ${received}`));
      }, ms);
      this.#waiters.add(waiter);
    });
  }

  #onEvent({ mint, seq, event }) {
    if (!this.events.has(mint)) this.events.set(mint, []);
    const list = this.events.get(mint);
    if (seq !== (list.at(-1)?.seq ?? 0) + 1) this.violations.push(`${mint}: event ${seq} after ${list.at(-1)?.seq ?? 'none'}`);
    list.push({ seq, event });
    this.#signal();
  }

  #onCandles({ mint, interval, seq }, candles, history) {
    const key = `${mint} ${interval}`;
    if (history === this.candles.has(key)) this.violations.push(`${key}: ${history ? 'a second CandleHistory' : 'a Candle before its CandleHistory'}`);
    if (seq < (this.#candleSeq.get(key) ?? 0)) this.violations.push(`${key}: candle seq ${seq} after ${this.#candleSeq.get(key)}`);
    if (history && candles.some((c, i) => i > 0 && c.time >= candles[i - 1].time)) this.violations.push(`${key}: history not newest first`);
    this.#candleSeq.set(key, seq);
    if (!this.candles.has(key)) this.candles.set(key, new Map());
    for (const candle of candles) this.candles.get(key).set(candle.time, candle);
    this.#signal();
  }

  #signal() {
    for (const waiter of this.#waiters) {
      if (waiter.condition()) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

// An event's fields as the truth states them. Integers are JSON numbers on both sides: beyond 2^53 JSON.parse would
// round them, and the comparison would no longer be exact.
function fields(event, where) {
  const { event_index: _, ...rest } = event;
  for (const [name, value] of Object.entries(rest)) {
    if (Number.isInteger(value)) assert.ok(Number.isSafeInteger(value), `${where}.${name} = ${value} is not exact in JavaScript`);
  }
  return rest;
}

const comparable = ({ is_final: _, ...candle }) => candle;

// Why the client's candles differ from the served ones (every bucket it knows equals the served one, and it knows the
// newest served bucket), or null when they don't.
function candleDifference(known, served) {
  if (!known || known.size === 0 || served.length === 0) return `${known?.size ?? 0} known, ${served.length} served`;
  const byTime = new Map(served.map((k) => [k.time, comparable(k)]));
  const [newestKnown, newestServed] = [Math.max(...known.keys()), Math.max(...byTime.keys())];
  if (newestKnown !== newestServed) return `newest bucket known ${newestKnown}, served ${newestServed}`;
  const differing = [...known.values()].find((c) => !isDeepStrictEqual(byTime.get(c.time), comparable(c)));
  return differing ? `bucket ${differing.time}: known ${JSON.stringify(differing)}, served ${JSON.stringify(byTime.get(differing.time))}` : null;
}

async function getJson(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return response.json();
}

test('a Node SignalR client receives every event of the truth in order and the last state of every candle', { timeout: 300_000 }, async () => {
  const sim = await startSimulator(stream);
  let gateway;
  let client;
  try {
    const mints = Object.keys((await sim.get('/truth')).mints).sort().slice(0, 3);
    assert.equal(mints.length, 3, 'the prefill created the mints to watch');
    gateway = await startGateway(sim);
    client = await MarketClient.connect(gateway.url);
    for (const mint of mints) {
      const ack = await client.subscribeEvents(mint, 0);
      assert.equal(ack.mint, mint);
      assert.ok(client.eventsOf(mint).length >= ack.seq, `${mint}: the events up to the ack's seq ${ack.seq} arrive before the ack`);
      for (const [interval, history] of subscriptions) {
        const candleAck = await client.subscribeCandles(mint, interval, history);
        assert.deepEqual([candleAck.mint, candleAck.interval], [mint, interval]);
        assert.ok(client.candlesOf(mint, interval), `${mint} ${interval}: the CandleHistory arrives before the ack`);
      }
    }

    await until(async () => (await sim.get('/control/status')).done, patience, 'the simulator to finish producing');
    const truth = (await sim.get('/truth')).mints;
    await client.waitFor(() => mints.every((m) => client.eventsOf(m).length >= truth[m].length), patience, 'every event of the truth');

    assert.deepEqual(client.violations, []);
    for (const mint of mints) {
      const received = client.eventsOf(mint);
      assert.deepEqual(received.map((e) => e.seq), truth[mint].map((_, i) => i + 1), `${mint}: seqs 1..${truth[mint].length}`);
      received.forEach(({ event }, i) => {
        assert.deepEqual(fields(event, `${mint}#${i}`), fields(truth[mint][i], `truth ${mint}#${i}`), `mint ${mint}, event #${i}`);
      });
    }

    for (const mint of mints) {
      for (const [interval] of subscriptions) {
        const served = (await getJson(`${gateway.url}/api/kline?mint=${mint}&interval=${interval}&limit=1000&order_by=time_asc`)).data.klines;
        await client.waitFor(() => candleDifference(client.candlesOf(mint, interval), served) === null, 10_000,
          `the last candle states of ${mint} ${interval} to equal /api/kline`)
          .catch((e) => { throw new Error(`${e.message}: ${candleDifference(client.candlesOf(mint, interval), served)}`); });
      }
    }

    const status = (await getJson(`${gateway.url}/api/kline/status`)).data.stats;
    assert.equal(status.active_connections, 1);
    assert.equal(status.total_subscriptions, mints.length * (1 + subscriptions.length));
    assert.equal(status.monitored_mints, mints.length);
  } finally {
    await client?.connection.stop();
    gateway?.stop();
    sim.stop();
  }
});
