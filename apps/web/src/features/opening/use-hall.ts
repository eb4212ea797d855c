import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/errors';
import { hallApi } from './hall-api';
import { debounce, serverOffsetMs } from './hall-format';
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
  /** Server clock minus this device's clock (ms), from the last view. */
  offsetMs: number;
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
  const [offsetMs, setOffsetMs] = useState(0);
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
          setOffsetMs(serverOffsetMs(answer.data.serverTime, Date.now()));
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

  return { view, error, loading, connected, events, offsetMs, reload };
}

/** The server's clock, ticking every second on this device (for the countdown). */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now + offsetMs;
}
