import { useEffect, useState } from 'react';

export interface LiveEvent {
  seq: number;
  type: string;
  occurredAt: string;
  subject: { type: string; id: string };
  summary: { zh: string; en: string };
}

/**
 * The events the caller may see, live, from GET /api/live (Server-Sent Events). EventSource reconnects by itself
 * and sends Last-Event-ID, and the server resumes from it, so nothing is lost across a dropped connection.
 */
export function useLiveEvents(limit = 50): { events: LiveEvent[]; connected: boolean } {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/live', { withCredentials: true });
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      setEvents((previous) => [event, ...previous.filter((e) => e.seq !== event.seq)].slice(0, limit));
    };
    return () => source.close();
  }, [limit]);
  return { events, connected };
}
