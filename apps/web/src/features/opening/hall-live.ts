/** One event of the hall's live stream (GET /api/live?subject=opening:<lotId>), as the server presents it. */
export interface HallEvent {
  seq: number;
  type: string;
  occurredAt: string;
  subject: { type: string; id: string };
  summary: { zh: string; en: string };
}

/** The part of EventSource the hall uses (tests give a fake). */
export interface LiveSource {
  readonly readyState: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  onmessage: ((this: never, ev: MessageEvent<string>) => unknown) | null;
  close(): void;
}

export type SourceFactory = (url: string) => LiveSource;

const CLOSED = 2;

export function hallLiveUrl(lotId: string, lastEventId: number | null): string {
  const query = new URLSearchParams({ subject: `opening:${lotId}` });
  if (lastEventId !== null) query.set('lastEventId', String(lastEventId));
  return `/api/live?${query.toString()}`;
}

/**
 * Follows one hall live. EventSource reconnects by itself after a dropped connection and sends Last-Event-ID, so the
 * server resumes without gaps; when the browser gives up (the server answered an error, e.g. while restarting) a
 * new source is made after `retryMs` with `?lastEventId=` of the last event seen. Every (re)connection calls
 * `onConnected`: the page reloads the hall view then, as a state snapshot, whatever happened while it was away.
 * Events are passed on once each (a repeated seq is dropped).
 */
export function followHall(
  lotId: string,
  handlers: {
    onEvent: (event: HallEvent) => void;
    onConnected: () => void;
    onStatus: (connected: boolean) => void;
  },
  options: { makeSource?: SourceFactory; retryMs?: number } = {},
): () => void {
  const make: SourceFactory = options.makeSource ?? ((url) => new EventSource(url, { withCredentials: true }));
  const retryMs = options.retryMs ?? 3000;
  let lastSeq: number | null = null;
  let source: LiveSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const connect = () => {
    const current = make(hallLiveUrl(lotId, lastSeq));
    source = current;
    current.onopen = () => {
      handlers.onStatus(true);
      handlers.onConnected();
    };
    current.onerror = () => {
      handlers.onStatus(false);
      if (current.readyState !== CLOSED || stopped) return;
      current.close();
      timer = setTimeout(() => {
        timer = null;
        if (!stopped) connect();
      }, retryMs);
    };
    current.onmessage = (message) => {
      let event: HallEvent;
      try {
        event = JSON.parse(message.data) as HallEvent;
      } catch {
        return;
      }
      if (typeof event.seq !== 'number' || (lastSeq !== null && event.seq <= lastSeq)) return;
      lastSeq = event.seq;
      handlers.onEvent(event);
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}
