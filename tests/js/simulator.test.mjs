// Proof that the chain simulator speaks the real Solana protocol: driven by @solana/web3.js's Connection and
// decoded by @coral-xyz/anchor from the IDL, and equal to the simulator's ground truth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import anchor from '@coral-xyz/anchor';
import { Connection, PublicKey } from '@solana/web3.js';
import { startSimulator, withTimeout } from './harness.mjs';

const idl = JSON.parse(fs.readFileSync(new URL('../fixtures/spinpet-idl.json', import.meta.url)));
const programId = new PublicKey(idl.address);
const coder = new anchor.BorshCoder(idl);
const parser = new anchor.EventParser(programId, coder);

function truthBySignature(truth) {
  const map = new Map();
  for (const events of Object.values(truth.mints)) {
    for (const e of events) {
      if (!map.has(e.signature)) map.set(e.signature, []);
      map.get(e.signature).push(e);
    }
  }
  for (const list of map.values()) list.sort((a, b) => a.event_index - b.event_index);
  return map;
}

function normalize(value) {
  if (value instanceof PublicKey) return value.toBase58();
  if (anchor.BN.isBN(value)) return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return value;
}

function assertSameEvents(signature, anchorEvents, truthEvents) {
  assert.equal(anchorEvents.length, truthEvents.length, `event count of ${signature}`);
  anchorEvents.forEach((e, i) => {
    const expected = truthEvents[i];
    assert.equal(e.name, `${expected.event_type}Event`);
    for (const [field, value] of Object.entries(e.data)) {
      assert.equal(normalize(value), normalize(expected[field]), `${signature}#${i}.${field}`);
    }
    const truthFields = Object.keys(expected).filter((k) => !['event_type', 'timestamp', 'signature', 'slot', 'event_index'].includes(k));
    assert.deepEqual(truthFields.sort(), Object.keys(e.data).sort(), `${signature}#${i} fields`);
  });
}

// The data lines SpinPet itself logged: a stack of programs from the exact invoke/success/failed lines, so data
// logged by the programs SpinPet calls, by a router around it or by another program is not SpinPet's.
function spinPetData(logs) {
  const stack = [];
  const data = [];
  for (const line of logs) {
    const invoke = /^Program (\S+) invoke \[(\d+)\]$/.exec(line);
    const end = /^Program (\S+) (success$|failed: )/.exec(line);
    if (invoke) {
      assert.equal(Number(invoke[2]), stack.length + 1, line);
      stack.push(invoke[1]);
    } else if (end) {
      assert.equal(stack.pop(), end[1], line);
    } else if (line.startsWith('Program data: ') && stack.at(-1) === programId.toBase58()) {
      data.push(line.slice('Program data: '.length));
    }
  }
  assert.equal(stack.length, 0, 'every frame closes');
  return data;
}

test('web3.js pages through getSignaturesForAddress and anchor decodes getTransaction logs into the ground truth', async () => {
  const sim = await startSimulator(['--seed', '5', '--mints', '8', '--prefill', '300', '--transactions', '0']);
  try {
    const connection = new Connection(sim.rpcUrl, { wsEndpoint: sim.wsUrl, commitment: 'confirmed' });
    const truth = truthBySignature(await sim.get('/truth'));
    const all = [];
    let before;
    for (;;) {
      const page = await connection.getSignaturesForAddress(programId, { before, limit: 70 });
      all.push(...page);
      if (page.length < 70) break;
      before = page[page.length - 1].signature;
    }
    assert.equal(all.length, 300);
    assert.equal(new Set(all.map((s) => s.signature)).size, 300);
    const newest = await connection.getSignaturesForAddress(programId, { until: all[10].signature });
    assert.deepEqual(newest.map((s) => s.signature), all.slice(0, 10).map((s) => s.signature));

    let failed = 0;
    for (const info of all) {
      const tx = await connection.getTransaction(info.signature, { maxSupportedTransactionVersion: 0, commitment: 'confirmed' });
      assert.equal(tx.slot, info.slot);
      assert.deepEqual(tx.meta.err, info.err);
      if (tx.meta.err) {
        failed++;
        assert.equal(truth.has(info.signature), false, 'a failed transaction is not in the truth');
        continue;
      }
      assertSameEvents(info.signature, [...parser.parseLogs(tx.meta.logMessages)], truth.get(info.signature) ?? []);
    }
    assert.ok(failed > 0, 'the scenario has failed transactions');
  } finally {
    sim.stop();
  }
});

test('web3.js onLogs receives live notifications that decode into the ground truth', async () => {
  const sim = await startSimulator(['--seed', '6', '--mints', '5', '--transactions', '40', '--rate', '40', '--slot-ms', '100']);
  try {
    const connection = new Connection(sim.rpcUrl, { wsEndpoint: sim.wsUrl, commitment: 'confirmed' });
    const received = [];
    let subscription;
    const enough = new Promise((resolve) => {
      subscription = connection.onLogs(programId, (logs, context) => {
        received.push({ logs, slot: context.slot });
        if (received.length >= 10) resolve();
      }, 'confirmed');
    });
    await withTimeout(enough, 30_000, '10 notifications');
    await connection.removeOnLogsListener(subscription);
    // web3.js closes an idle socket by itself; wait for that before stopping the node, or it keeps reconnecting.
    await withTimeout((async () => { while ((await sim.get('/control/status')).connections > 0) await new Promise((r) => setTimeout(r, 50)); })(),
      10_000, 'web3.js to close its idle socket');
    const truth = truthBySignature(await sim.get('/truth'));
    for (const { logs } of received) {
      if (logs.err) continue;
      assertSameEvents(logs.signature, [...parser.parseLogs(logs.logs)], truth.get(logs.signature) ?? []);
    }
    const versioned = await connection.getTransaction(received[0].logs.signature, { maxSupportedTransactionVersion: 0 });
    assert.ok(versioned.version === 0 || versioned.version === 'legacy');
  } finally {
    sim.stop();
  }
});

test('getParsedTransaction and BorshCoder.events.decode of SpinPet frames match the truth; failed transactions stay out of it', async () => {
  const sim = await startSimulator(['--seed', '8', '--mints', '6', '--prefill', '240', '--transactions', '0']);
  try {
    const connection = new Connection(sim.rpcUrl, { wsEndpoint: sim.wsUrl, commitment: 'confirmed' });
    const truth = truthBySignature(await sim.get('/truth'));
    const signatures = await connection.getSignaturesForAddress(programId, { limit: 1000 });
    const middle = await connection.getSignaturesForAddress(programId, { before: signatures[100].signature, until: signatures[140].signature });
    assert.deepEqual(middle.map((s) => s.signature), signatures.slice(101, 140).map((s) => s.signature));

    let failed = 0;
    let decoded = 0;
    const versions = new Map();
    for (const info of signatures) {
      const tx = await connection.getTransaction(info.signature, { maxSupportedTransactionVersion: 0 });
      versions.set(tx.version, info.signature);
      const parsed = await connection.getParsedTransaction(info.signature, { maxSupportedTransactionVersion: 0 });
      assert.deepEqual(parsed.meta.logMessages, tx.meta.logMessages);
      assert.deepEqual(parsed.meta.err, info.err);
      assert.equal(parsed.transaction.message.accountKeys[0].signer, true);
      assert.ok(parsed.transaction.message.instructions.some((i) => i.programId.equals(programId))
        || parsed.meta.innerInstructions.some((group) => group.instructions.some((i) => i.programId.equals(programId)))
        || parsed.transaction.message.accountKeys.some((k) => k.pubkey.equals(programId)), 'the transaction mentions SpinPet');
      const events = spinPetData(tx.meta.logMessages).map((payload) => coder.events.decode(payload));
      assert.ok(events.every((e) => e !== null), 'every SpinPet data line decodes with the IDL');
      if (info.err) {
        failed++;
        assert.equal(truth.has(info.signature), false, 'a failed transaction is not in the truth');
        continue;
      }
      decoded += events.length;
      assertSameEvents(info.signature, events, truth.get(info.signature) ?? []);
    }
    assert.ok(failed > 0, 'the scenario has failed transactions');
    assert.equal(decoded, [...truth.values()].reduce((n, list) => n + list.length, 0), 'every truth event was decoded from a log');

    const versioned = versions.get(0);
    const legacy = versions.get('legacy');
    assert.ok(versioned && legacy, 'the chain has version 0 and legacy transactions');
    await assert.rejects(connection.getTransaction(versioned), (error) => error.code === -32015
      && /Transaction version \(0\) is not supported by the requesting client/.test(error.message));
    assert.equal((await connection.getTransaction(legacy)).version, undefined);
  } finally {
    sim.stop();
  }
});
