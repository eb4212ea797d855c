import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/errors';
import { hallApi } from './hall-api';
import { clockSample, debounce, serverNow, type ClockSample } from './hall-format';
import { followHall, type HallEvent } from './hall-live';
import type { HallView } from './types';

export interface Hall {
  view: HallView | null;
  /** The last refusal (404 before the hall opens, or a lost connection). */
  error: ApiError | null;
  loading: boolean;
  connected: boolean;
  /** The hall's events seen live, newest first. */
  events: HallEvent[];
  /** The server's clock as the first and the latest view gave it (see serverNow). */
  clock: { first: ClockSample | null; latest: ClockSample | null };
  reload: () => void;
}

/**
 * The hall view (GET /api/openings/:lotId) kept current live: every event on `opening:<lotId>` and every
 * (re)connection reloads the view (the view is the truth; events say when to look again), so a read-out appears
 * without the page being reloaded and nothing is missed across a dropped connection.
 */
export function useHall(lotId: string, eventLimit = 30): Hall {
  const [view, setView] = useState<HallView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [connected, setConnected] = useState(false);
  const [events, setEvents] = useState<HallEvent[]>([]);
  const [clock, setClock] = useState<Hall['clock']>({ first: null, latest: null });
  const trigger = useRef<() => void>(() => undefined);
  const reload = useCallback(() => trigger.current(), []);

  useEffect(() => {
    let latest = 0;
    let live = true;
    const load = () => {
      const ticket = ++latest;
      void hallApi.view(lotId).then((answer) => {
        // An older answer arriving after a newer one (or after unmounting) is dropped: the view only moves forward.
        if (!live || ticket !== latest) return;
        setLoading(false);
        if (answer.data) {
          setView(answer.data);
          setError(null);
          const sample = clockSample(answer.data.serverTime, Date.now());
          setClock((c) => ({ first: c.first ?? sample, latest: sample }));
        } else {
          setError(answer.error);
        }
      });
    };
    const refresh = debounce(load, 120);
    trigger.current = refresh.trigger;
    load();
    const stop = followHall(lotId, {
      onEvent: (event) => {
        setEvents((list) => [event, ...list].slice(0, eventLimit));
        refresh.trigger();
      },
      onConnected: refresh.trigger,
      onStatus: setConnected,
    });
    return () => {
      live = false;
      stop();
      refresh.cancel();
    };
  }, [lotId, eventLimit]);

  // A safety net beside the live stream: look again every 15 s before the hall opens and while the window counts
  // down (the close comes from a job at the window's end).
  const state = view?.state;
  useEffect(() => {
    if (state !== undefined && state !== 'decrypting') return;
    const timer = setInterval(() => trigger.current(), 15_000);
    return () => clearInterval(timer);
  }, [state]);

  return { view, error, loading, connected, events, clock, reload };
}

/** The server's clock, ticking every second on this device (for the countdown). */
export function useServerNow(clock: Hall['clock']): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return serverNow(clock.first, clock.latest, now);
}
