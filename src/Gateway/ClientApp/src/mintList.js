import { formatPrice, priceOf } from './api.js';

/** The list of newest mints: name, symbol and last price; a click selects a mint. */
export class MintList {
  constructor(list, onSelect) {
    this.list = list;
    this.selected = null;
    this.mints = [];
    list.addEventListener('click', (e) => {
      const item = e.target.closest('li[data-mint]');
      if (item) {
        onSelect(this.find(item.dataset.mint));
      }
    });
  }

  find(mint) {
    return this.mints.find((m) => m.mint === mint) ?? { mint };
  }

  render(mints) {
    this.mints = mints;
    this.list.replaceChildren(...mints.map((m) => this.item(m)));
    this.list.dataset.count = String(mints.length);
  }

  select(mint) {
    this.selected = mint;
    for (const item of this.list.children) {
      item.setAttribute('aria-selected', String(item.dataset.mint === mint));
    }
  }

  /** A live trade of the selected mint moves its price before the next refresh. */
  setPrice(mint, price) {
    const item = [...this.list.children].find((li) => li.dataset.mint === mint);
    if (item) {
      item.querySelector('.price').textContent = formatPrice(price);
    }
  }

  item(m) {
    const li = document.createElement('li');
    li.dataset.mint = m.mint;
    li.tabIndex = 0;
    li.setAttribute('aria-selected', String(m.mint === this.selected));
    li.append(span('name', m.name ?? `${m.mint.slice(0, 6)}…`), span('symbol', m.symbol ?? ''), span('price', formatPrice(priceOf(m.latest_price))));
    li.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        li.click();
      }
    });
    return li;
  }
}

function span(className, text) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
