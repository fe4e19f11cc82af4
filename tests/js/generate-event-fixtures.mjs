// Generates the decoder fixtures with an independent encoder: @coral-xyz/anchor's BorshCoder built from the IDL.
// Run once by hand, from tests/js (where the npm packages are installed), and check the output in:
//   cd tests/js && node generate-event-fixtures.mjs
// Writes tests/Chain.Tests/Fixtures/anchor-events.json and anchor-logs.json.
import anchor from '@coral-xyz/anchor';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const idl = JSON.parse(fs.readFileSync(path.join(here, '..', 'fixtures', 'spinpet-idl.json'), 'utf8'));
const coder = new anchor.BorshCoder(idl);
const { PublicKey } = anchor.web3;
const BN = anchor.BN;
const programId = idl.address;
const out = path.join(here, '..', 'Chain.Tests', 'Fixtures');

// A deterministic pseudo-random source, so re-running gives the same fixtures.
let state = 0x2545f491;
const next = () => { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; return state >>> 0; };
const key = () => new PublicKey(Uint8Array.from({ length: 32 }, () => next() & 0xff));
const big = (bits) => { let v = 0n; for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(next()); return v & ((1n << BigInt(bits)) - 1n); };
const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

function valueFor(type, variant) {
  switch (type) {
    case 'pubkey': return key();
    case 'bool': return variant % 2 === 0;
    case 'u8': return [0, 255, 3, next() & 0xff][variant % 4];
    case 'u16': return [0, 65535, 1000, next() & 0xffff][variant % 4];
    case 'u32': return [0, 4294967295, 1756352482, next()][variant % 4];
    case 'u64': return [0n, U64_MAX, 500000000n, big(64)][variant % 4];
    case 'u128': return [0n, U128_MAX, 279589934762348555452n, big(128)][variant % 4];
    case 'string': return ['', 'Ünïcødé 🚀 名前', 'SPIN', 'https://ipfs.io/ipfs/Qm' + 'x'.repeat(200)][variant % 4];
    default: throw new Error(`unhandled type ${JSON.stringify(type)}`);
  }
}

const toAnchor = (type, v) => (typeof v === 'bigint' ? new BN(v.toString()) : v);
const toFixture = (type, v) => (type === 'pubkey' ? v.toBase58() : typeof v === 'bigint' || typeof v === 'number' ? v.toString() : v);

const events = [];
for (const ev of idl.events) {
  const def = idl.types.find((t) => t.name === ev.name).type.fields;
  for (let variant = 0; variant < 4; variant++) {
    const values = Object.fromEntries(def.map((f) => [f.name, valueFor(f.type, variant)]));
    const body = coder.types.encode(ev.name, Object.fromEntries(def.map((f) => [f.name, toAnchor(f.type, values[f.name])])));
    const bytes = Buffer.concat([Buffer.from(ev.discriminator), body]);
    const decoded = coder.events.decode(bytes.toString('base64'));
    if (!decoded || decoded.name !== ev.name) throw new Error(`anchor does not decode its own ${ev.name}`);
    events.push({ name: ev.name, base64: bytes.toString('base64'), fields: Object.fromEntries(def.map((f) => [f.name, toFixture(f.type, values[f.name])])) });
  }
}

// Transaction logs: which SpinPet events anchor's own EventParser attributes to the program.
const data = (i) => `Program data: ${events[i].base64}`;
const router = key().toBase58();
const foreign = key().toBase58();
const sys = '11111111111111111111111111111111';
const token = 'TokenkegQfeZyiNwAJbNbGsPcRKfsFqzSQ2gPK8tJY9';
const logCases = {
  direct: [`Program ${programId} invoke [1]`, 'Program log: Instruction: Buy', `Program ${sys} invoke [2]`, `Program ${sys} success`,
    data(4), `Program ${programId} consumed 1234 of 200000 compute units`, `Program ${programId} success`],
  successfully_line_does_not_pop: [`Program ${programId} invoke [1]`, 'Program log: Parameters updated successfully!', data(0), data(8),
    `Program ${programId} success`],
  cpi_depth_2: [`Program ${router} invoke [1]`, 'Program log: Instruction: Route', `Program ${programId} invoke [2]`, data(12),
    `Program ${token} invoke [3]`, 'Program log: Instruction: Transfer', data(5), `Program ${token} consumed 4645 of 180000 compute units`,
    `Program ${token} success`, data(16), `Program ${programId} success`, `Program ${router} success`],
  foreign_lookalike: [`Program ${foreign} invoke [1]`, data(4), `Program ${foreign} success`, `Program ${programId} invoke [1]`, data(20),
    `Program ${programId} success`],
  repeated_same_type: [`Program ${programId} invoke [1]`, data(12), data(13), data(14), `Program ${programId} success`],
};
const parser = new anchor.EventParser(new PublicKey(programId), coder);
const logs = Object.entries(logCases).map(([name, lines]) => {
  const expected = [...parser.parseLogs(lines)].map((e) => {
    const match = events.find((f) => coder.events.decode(f.base64)?.name === e.name && JSON.stringify(coder.events.decode(f.base64).data) === JSON.stringify(e.data));
    return { name: e.name, base64: match.base64 };
  });
  return { name, logs: lines, expected };
});

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'anchor-events.json'), JSON.stringify(events, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'anchor-logs.json'), JSON.stringify(logs, null, 2) + '\n');
console.log(`wrote ${events.length} events and ${logs.length} log cases to ${out}`);
