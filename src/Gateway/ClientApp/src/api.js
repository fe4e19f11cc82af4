// The Gateway's HTTP API (spin-server's {success, data, message} envelope) and the units the page shows.
const PRICE_SCALE = 1e28;
const LAMPORTS_PER_SOL = 1e9;

async function apiData(path, init) {
  const response = await fetch(path, init);
  const body = await response.json();
  if (!response.ok || !body.success) {
    throw new Error(`${path}: ${body.message ?? response.status}`);
  }
  return body.data;
}

/** The newest mints (by creation slot) with their details; a mint without details yet keeps only its address. */
export async function newestMints(limit) {
  const { mints } = await apiData(`api/mints?sort_by=slot_desc&limit=${limit}`);
  if (mints.length === 0) {
    return [];
  }
  const { details } = await apiData('api/details', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mints }),
  });
  const byMint = new Map(details.map((d) => [d.mint_account, d]));
  return mints.map((mint) => ({ ...byMint.get(mint), mint }));
}

/** A u128 price string (value / 1e28 SOL per token) as a number; null when absent. */
export const priceOf = (u128) => (u128 == null ? null : Number(u128) / PRICE_SCALE);

export const solOf = (lamports) => lamports / LAMPORTS_PER_SOL;

/** Four significant digits, so that prices of 1e-8 SOL stay readable. */
export function formatPrice(price) {
  if (price == null || !Number.isFinite(price)) {
    return '–';
  }
  return price === 0 || Math.abs(price) >= 1 ? price.toFixed(4) : price.toPrecision(4);
}

export const formatSol = (sol) => `${sol.toFixed(sol >= 100 ? 2 : 4)} SOL`;

/** HH:MM:SS in UTC (block times are UTC). */
export const formatTime = (rfc3339) => new Date(rfc3339).toISOString().slice(11, 19);
