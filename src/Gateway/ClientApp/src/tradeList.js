import { formatPrice, formatSol, formatTime, priceOf, solOf } from './api.js';

const MAX_SHOWN = 100;

/** The selected mint's trades (BuySell events), newest first; other event types are skipped. */
export class TradeList {
  constructor(list) {
    this.list = list;
    this.clear();
  }

  clear() {
    this.list.replaceChildren();
    this.count = 0;
    this.list.dataset.count = '0';
    delete this.list.dataset.since;
  }

  /** The sequence number live events continue after (the subscription's acknowledgement). */
  markLiveAfter(seq) {
    this.list.dataset.since = String(seq);
  }

  /** Adds a trade and returns its price, or returns null for an event that is not a trade. */
  add(seq, event) {
    if (event.event_type !== 'BuySell') {
      return null;
    }
    const price = priceOf(event.latest_price);
    const li = document.createElement('li');
    li.dataset.seq = String(seq);
    li.dataset.signature = event.signature;
    li.className = event.is_buy ? 'buy' : 'sell';
    li.append(cell('time', formatTime(event.timestamp)), cell('side', event.is_buy ? 'buy' : 'sell'),
      cell('sol', formatSol(solOf(event.sol_amount))), cell('price', formatPrice(price)));
    this.list.prepend(li);
    while (this.list.children.length > MAX_SHOWN) {
      this.list.lastElementChild.remove();
    }
    this.count += 1;
    this.list.dataset.count = String(this.count);
    return price;
  }
}

function cell(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
