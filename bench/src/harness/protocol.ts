/** Messages between the benchmark process and a server it runs in a child process (Node IPC channel). */
export type ToChild =
  | { type: 'cpu' }
  | { type: 'stop' }
  /** Runs one of the server's `calls` (e.g. append an event in the server's own process) and answers with its result. */
  | { type: 'call'; id: number; name: string; arg: string }
  | { type: 'advance_clock'; ms: number };

export type FromChild =
  | { type: 'ready'; port: number; facts: Record<string, string> }
  | { type: 'cpu'; micros: number }
  /** The server clock after an `advance_clock` (ISO); servers without a movable clock answer `failed`. */
  | { type: 'clock'; now: string }
  | { type: 'answer'; id: number; value: string; error?: string }
  | { type: 'failed'; message: string };

export function isFromChild(value: unknown): value is FromChild {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return (
    value.type === 'ready' ||
    value.type === 'cpu' ||
    value.type === 'clock' ||
    value.type === 'answer' ||
    value.type === 'failed'
  );
}

export function isToChild(value: unknown): value is ToChild {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    (value.type === 'cpu' ||
      value.type === 'stop' ||
      value.type === 'call' ||
      (value.type === 'advance_clock' && 'ms' in value))
  );
}
