// spin-sdk compatibility: the calls spin-sdk's fast.js makes (reference 1.6-1.8 and 10), with Node's fetch,
// checking shapes and JSON types (prices as strings, amounts and times as numbers, Unix seconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startGateway, startSimulator, withTimeout } from './harness.mjs';

async function api(base, path, init) {
  const response = await fetch(base + path, init);
  const body = await response.json();
  return { status: response.status, body };
}

const isU128String = (v) => typeof v === 'string' && /^\d+$/.test(v);

test('spin-sdk calls get the shapes and types the SDK relies on', async () => {
  const sim = await startSimulator(['--seed', '31', '--mints', '12', '--prefill', '1500', '--transactions', '0']);
  const gateway = await startGateway(sim);
  try {
    const expected = (await sim.get('/control/status')).events;
    await withTimeout((async () => {
      for (;;) {
        const { body } = await api(gateway.url, '/api/events/status');
        if (body.data.total_events_processed >= expected) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    })(), 120_000, 'the product to ingest the chain');

    const mints = await api(gateway.url, '/api/mints?page=1&limit=10&sort_by=slot_desc');
    assert.equal(mints.body.success, true);
    assert.equal(mints.body.message, 'Operation successful');
    assert.equal(mints.body.data.mints.length, 10);
    assert.ok(mints.body.data.mints.every((m) => typeof m === 'string'));
    assert.equal(typeof mints.body.data.next_cursor, 'string');

    const details = await api(gateway.url, '/api/details', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mints: mints.body.data.mints.slice(0, 5) }),
    });
    assert.equal(details.body.data.total, 5);
    for (const d of details.body.data.details) {
      assert.ok(isU128String(d.latest_price), 'latest_price is a decimal string (fast.price)');
      assert.equal(typeof d.create_timestamp, 'number');
      assert.ok(d.create_timestamp < 1e11, 'create_timestamp is in seconds');
      for (const field of ['swap_fee', 'borrow_fee', 'fee_discount_flag', 'total_sol_amount', 'latest_trade_time']) assert.equal(typeof d[field], 'number');
      for (const field of ['name', 'symbol', 'uri', 'payer', 'mint_account']) assert.equal(typeof d[field], 'string');
    }

    let sawOrders = false;
    for (const mint of mints.body.data.mints) {
      for (const [type, direction] of [['up_orders', 1n], ['down_orders', -1n]]) {
        const orders = await api(gateway.url, `/api/mint_orders?mint=${mint}&type=${type}&page=1&limit=11`);
        const prices = orders.body.data.orders.map((o) => BigInt(o.lock_lp_start_price));
        prices.slice(1).forEach((p, i) => assert.ok((p - prices[i]) * direction >= 0n, `${type} sorted for the SDK's order0..order9`));
        for (const o of orders.body.data.orders) {
          sawOrders = true;
          assert.ok(isU128String(o.lock_lp_start_price) && isU128String(o.lock_lp_end_price) && isU128String(o.latest_price));
          assert.equal(o.order_type, type === 'up_orders' ? 2 : 1);
          for (const field of ['lock_lp_sol_amount', 'margin_sol_amount', 'start_time', 'end_time', 'borrow_fee', 'latest_trade_time']) assert.equal(typeof o[field], 'number');
          assert.notEqual(o.name, '', 'mint_orders fills the token fields');
          const user = await api(gateway.url, `/api/user_orders?user=${o.user}&mint=${mint}&page=1&limit=200&order_by=start_time_desc`);
          assert.ok(user.body.data.orders.some((u) => u.order_pda === o.order_pda));
          assert.equal(typeof user.body.data.total, 'number');
        }
      }
    }
    assert.ok(sawOrders, 'the scenario left open orders to check');

    const kline = await api(gateway.url, `/api/kline?mint=${mints.body.data.mints[0]}&interval=s30&limit=1`);
    const candle = kline.body.data.klines[0];
    assert.equal(typeof candle.open, 'number');
    assert.equal(typeof candle.open.toFixed(8), 'string');
    assert.equal(typeof candle.is_final, 'boolean');
    assert.equal(typeof candle.update_count, 'number');

    const bad = await api(gateway.url, '/api/user_orders?user=test_user_123');
    assert.equal(bad.status, 400, 'an HTTP error, which the SDK turns into an exception with the message');
    assert.equal(bad.body.success, false);
    assert.match(bad.body.message, /user/);
  } finally {
    gateway.stop();
    sim.stop();
  }
});
