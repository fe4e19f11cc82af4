// The live market page: the newest mints, and for the selected one a candle chart and its trades, live over SignalR.
import './styles.css';
import { formatPrice, newestMints, priceOf } from './api.js';
import { CandleChart } from './candleChart.js';
import { MarketFeed } from './marketFeed.js';
import { MintList } from './mintList.js';
import { TradeList } from './tradeList.js';

const MINTS_SHOWN = 20;
const REFRESH_MS = 5_000;

const $ = (id) => document.getElementById(id);
const page = { mint: null, interval: 'm1', chart: null };
const mints = new MintList($('mints'), (m) => select(m));
const trades = new TradeList($('trades'));
const feed = new MarketFeed({
  onState: (state) => {
    $('connection').dataset.state = state;
    $('connection').textContent = state;
  },
  onCandleHistory: (m) => page.chart.reset(m.interval, m.candles),
  onCandle: (m) => page.chart.update(m.candle),
  onEvent: (m) => {
    const price = trades.add(m.seq, m.event);
    if (price !== null) {
      showPrice(price);
      mints.setPrice(m.mint, price);
    }
  },
  onSubscribed: (ack) => trades.markLiveAfter(ack.seq),
  onError: (message) => {
    $('feed-status').textContent = message;
  },
});

function showPrice(price) {
  $('mint-price').textContent = price === null ? '' : `${formatPrice(price)} SOL`;
}

function status(message) {
  $('mints-status').textContent = message;
}

function select(m) {
  if (page.mint !== m.mint) {
    page.mint = m.mint;
    mints.select(m.mint);
    $('mint-panel').hidden = false;
    $('mint-title').textContent = m.name ? `${m.name} (${m.symbol})` : m.mint;
    $('mint-address').textContent = m.mint;
    $('feed-status').textContent = '';
    showPrice(priceOf(m.latest_price));
    page.chart ??= new CandleChart($('chart'));
    page.chart.clear();
    trades.clear();
    feed.watch(page.mint, page.interval);
  }
}

function selectInterval(interval) {
  page.interval = interval;
  for (const button of $('intervals').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.interval === interval));
  }
  if (page.mint) {
    page.chart.clear();
    feed.watch(page.mint, interval);
  }
}

async function refreshMints() {
  try {
    const list = await newestMints(MINTS_SHOWN);
    mints.render(list);
    status(list.length === 0 ? 'no mints indexed yet' : `${list.length} newest mints, refreshed ${new Date().toLocaleTimeString()}`);
  } catch (error) {
    status(`could not load the mints: ${error.message}`);
  }
}

$('intervals').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-interval]');
  if (button) {
    selectInterval(button.dataset.interval);
  }
});
selectInterval(page.interval);
refreshMints();
setInterval(refreshMints, REFRESH_MS);
feed.start();
