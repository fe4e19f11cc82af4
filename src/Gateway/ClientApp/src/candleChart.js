import { CandlestickSeries, ColorType, createChart } from 'lightweight-charts';
import { formatPrice } from './api.js';

/** A candlestick chart of one mint and interval, fed with /api/kline-shaped candles (time in Unix seconds). */
export class CandleChart {
  constructor(container) {
    this.container = container;
    this.chart = createChart(container, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: '#11151c' }, textColor: '#c9d1d9' },
      grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
      timeScale: { timeVisible: true, secondsVisible: true },
      localization: { priceFormatter: formatPrice },
    });
    this.series = this.chart.addSeries(CandlestickSeries, {
      upColor: '#26a69a', downColor: '#ef5350', wickUpColor: '#26a69a', wickDownColor: '#ef5350', borderVisible: false,
    });
    this.bars = new Map();
    this.latest = -Infinity;
  }

  /** Replaces the data with a CandleHistory message's candles (newest first). */
  reset(interval, candles) {
    this.bars = new Map(candles.map((c) => [c.time, bar(c)]));
    const sorted = this.sorted();
    this.latest = sorted.at(-1)?.time ?? -Infinity;
    this.series.applyOptions({ priceFormat: { type: 'custom', formatter: formatPrice, minMove: minMove(sorted) } });
    this.series.setData(sorted);
    this.chart.timeScale().fitContent();
    this.container.dataset.interval = interval;
    this.report();
  }

  /** Applies a Candle message: a new newest candle, or a new state of one already shown. */
  update(candle) {
    const next = bar(candle);
    const known = this.bars.has(next.time);
    this.bars.set(next.time, next);
    if (next.time >= this.latest || known) {
      this.series.update(next, next.time < this.latest);
      this.latest = Math.max(this.latest, next.time);
    } else {
      this.series.setData(this.sorted());
    }
    this.report();
  }

  clear() {
    this.bars = new Map();
    this.latest = -Infinity;
    this.series.setData([]);
    this.report();
  }

  sorted() {
    return [...this.bars.values()].sort((a, b) => a.time - b.time);
  }

  report() {
    this.container.dataset.candles = String(this.bars.size);
  }
}

const bar = (c) => ({ time: c.time, open: c.open, high: c.high, low: c.low, close: c.close });

// Prices are around 1e-8 SOL per token: the scale's step follows the data's magnitude, four digits below it.
function minMove(bars) {
  const top = Math.max(0, ...bars.map((b) => Math.abs(b.high)));
  return top > 0 ? 10 ** (Math.floor(Math.log10(top)) - 4) : 1e-12;
}
