import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followHall, hallLiveUrl, type HallEvent, type LiveSource } from './hall-live';

class FakeSource implements LiveSource {
  readyState = 0;
  onopen: LiveSource['onopen'] = null;
  onerror: LiveSource['onerror'] = null;
  onmessage: LiveSource['onmessage'] = null;
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.readyState = 1;
    this.onopen?.call(undefined as never, new Event('open'));
  }
  send(seq: number, type = 'opening.bid_decrypted') {
    const event: HallEvent = {
      seq,
      type,
      occurredAt: '2026-11-29T12:00:00.000Z',
      subject: { type: 'opening', id: 'lot-1' },
      summary: { zh: '唱标', en: 'Read-out' },
    };
    this.onmessage?.call(undefined as never, new MessageEvent('message', { data: JSON.stringify(event) }));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.call(undefined as never, new Event('error'));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('following a hall live', () => {
  let sources: FakeSource[];
  const makeSource = (url: string) => {
    const source = new FakeSource(url);
    sources.push(source);
    return source;
  };
  beforeEach(() => {
    sources = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('subscribes to the lot’s subject only', () => {
    expect(hallLiveUrl('a-b', null)).toBe('/api/live?subject=opening%3Aa-b');
    expect(hallLiveUrl('a-b', 42)).toBe('/api/live?subject=opening%3Aa-b&lastEventId=42');
  });

  it('passes each event on once and reloads the view on every (re)connection', () => {
    const seen: number[] = [];
    const connected = vi.fn();
    const status: boolean[] = [];
    const stop = followHall(
      'lot-1',
      { onEvent: (e) => seen.push(e.seq), onConnected: connected, onStatus: (c) => status.push(c) },
      { makeSource },
    );
    const first = sources[0];
    if (!first) throw new Error('no source');
    first.open();
    first.send(10);
    first.send(11);
    // EventSource's own reconnection (readyState CONNECTING) resumes with Last-Event-ID; a repeat is dropped.
    first.fail(false);
    first.open();
    first.send(11);
    first.send(12);
    expect(seen).toEqual([10, 11, 12]);
    expect(connected).toHaveBeenCalledTimes(2);
    expect(status).toEqual([true, false, true]);
    expect(sources).toHaveLength(1);
    stop();
    expect(first.closed).toBe(true);
  });

  it('makes a new source from the last event seen when the browser gives up, and not after stopping', () => {
    const seen: number[] = [];
    const stop = followHall(
      'lot-1',
      { onEvent: (e) => seen.push(e.seq), onConnected: () => undefined, onStatus: () => undefined },
      { makeSource, retryMs: 1000 },
    );
    sources[0]?.open();
    sources[0]?.send(7);
    sources[0]?.fail(true);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(2);
    expect(sources[1]?.url).toBe('/api/live?subject=opening%3Alot-1&lastEventId=7');
    sources[1]?.open();
    sources[1]?.send(7);
    sources[1]?.send(8);
    expect(seen).toEqual([7, 8]);
    sources[1]?.fail(true);
    stop();
    vi.advanceTimersByTime(5000);
    expect(sources).toHaveLength(2);
  });

  it('ignores a message that is not an event', () => {
    const seen: number[] = [];
    followHall(
      'lot-1',
      { onEvent: (e) => seen.push(e.seq), onConnected: () => undefined, onStatus: () => undefined },
      { makeSource },
    );
    sources[0]?.onmessage?.call(undefined as never, new MessageEvent('message', { data: 'not json' }));
    sources[0]?.onmessage?.call(undefined as never, new MessageEvent('message', { data: '{"type":"x"}' }));
    expect(seen).toEqual([]);
  });
});
