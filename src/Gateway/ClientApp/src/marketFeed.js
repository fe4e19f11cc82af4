import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

const EVENT_HISTORY = 50;
const CANDLE_HISTORY = 300;

// Retries forever (the default policy gives up after four attempts), backing off to ten seconds.
const retryDelay = ({ previousRetryCount }) => Math.min(10_000, 500 * 2 ** previousRetryCount);

/**
 * The /hubs/market connection and the page's one watched (mint, interval). Messages of anything else (an earlier
 * selection still in flight) are dropped; after a reconnect the candles start again from a fresh history and the
 * events resume after the last sequence number seen, so no trade is lost or shown twice.
 */
export class MarketFeed {
  constructor({ onState, onCandleHistory, onCandle, onEvent, onSubscribed, onError }) {
    this.handlers = { onState, onSubscribed, onError };
    this.watched = null;
    this.connection = new HubConnectionBuilder()
      .withUrl('hubs/market')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: retryDelay })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('CandleHistory', (m) => {
      if (this.isWatched(m, true)) {
        this.watched.historySeq = m.seq;
        onCandleHistory(m);
      }
    });
    this.connection.on('Candle', (m) => this.isWatched(m, true) && m.seq >= this.watched.historySeq && onCandle(m));
    this.connection.on('Event', (m) => {
      if (this.isWatched(m, false) && m.seq > this.watched.lastSeq) {
        this.watched.lastSeq = m.seq;
        onEvent(m);
      }
    });
    this.connection.onreconnecting(() => onState('reconnecting'));
    this.connection.onreconnected(() => {
      onState('connected');
      this.subscribe(this.watched);
    });
    // Closed without a reconnect (the server refused one): start over.
    this.connection.onclose(() => this.start());
  }

  async start() {
    for (let attempt = 0; ; attempt += 1) {
      this.handlers.onState('connecting');
      try {
        await this.connection.start();
        this.handlers.onState('connected');
        await this.subscribe(this.watched);
        return;
      } catch {
        this.handlers.onState('disconnected');
        await new Promise((resolve) => setTimeout(resolve, retryDelay({ previousRetryCount: attempt })));
      }
    }
  }

  /** Watches a mint's candles of one interval and its events, replacing what was watched before. */
  async watch(mint, interval) {
    const previous = this.watched;
    const sameMint = previous?.mint === mint;
    this.watched = { mint, interval, historySeq: 0, lastSeq: sameMint ? previous.lastSeq : 0 };
    if (previous) {
      await this.invoke('UnsubscribeCandles', { mint: previous.mint, interval: previous.interval });
      if (!sameMint) {
        await this.invoke('UnsubscribeEvents', { mint: previous.mint });
      }
    }
    await this.subscribe(this.watched, { events: !sameMint });
  }

  async subscribe(watched, { candles = true, events = true } = {}) {
    if (!watched) {
      return;
    }
    if (candles) {
      await this.invoke('SubscribeCandles', { mint: watched.mint, interval: watched.interval, history: CANDLE_HISTORY });
    }
    if (events) {
      const since = watched.lastSeq > 0 ? { since: watched.lastSeq } : { history: EVENT_HISTORY };
      const ack = await this.invoke('SubscribeEvents', { mint: watched.mint, ...since });
      if (ack && watched === this.watched) {
        this.handlers.onSubscribed(ack);
      }
    }
  }

  // A request made while disconnected is repeated by the reconnect; a hub error is the page's to show.
  async invoke(method, request) {
    if (this.connection.state !== HubConnectionState.Connected) {
      return null;
    }
    try {
      return await this.connection.invoke(method, request);
    } catch (error) {
      this.handlers.onError(`${method}: ${error.message}`);
      return null;
    }
  }

  isWatched(message, withInterval) {
    const w = this.watched;
    return w !== null && message.mint === w.mint && (!withInterval || message.interval === w.interval);
  }
}
