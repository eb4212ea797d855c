/** A minimal Server-Sent Events reader over fetch, for tests (parses id/event/data, ignores comments). */
export interface SseMessage {
  id: string | null;
  /** The ledger event type, from the JSON data (the stream sends unnamed SSE events). */
  event: string;
  data: string;
}

export interface SseClient {
  messages: SseMessage[];
  status: number;
  /** Resolves when `predicate` holds for the messages received so far (or rejects after `ms`). */
  waitFor(predicate: (messages: SseMessage[]) => boolean, ms?: number): Promise<SseMessage[]>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    if (!reader) return;
    try {
      for (;;) {
        const { value, done } = (await reader.read()) as { value?: Uint8Array; done: boolean };
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const msg: SseMessage = { id: null, event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) msg.id = line.slice(4);
            else if (line.startsWith('event: ')) msg.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              msg.data += line.slice(6);
              hasData = true;
            }
          }
          if (hasData) {
            const parsed = JSON.parse(msg.data) as { type?: unknown };
            if (typeof parsed.type === 'string') msg.event = parsed.type;
            messages.push(msg);
          }
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    status: res.status,
    waitFor(predicate, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(messages)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(messages);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `SSE: condition not met within ${ms} ms; got ${JSON.stringify(messages.map((m) => [m.id, m.event]))}`,
            ),
          );
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
