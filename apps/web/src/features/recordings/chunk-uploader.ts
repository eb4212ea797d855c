import { getCsrfToken } from '../../api/client';
import { isApiError, type ApiError } from '../../api/errors';

/** What sending one chunk answered: done, worth retrying (network, 5xx, 429), or refused for good. */
export type SendResult =
  { kind: 'ok' } | { kind: 'retry'; reason: string } | { kind: 'refused'; error: ApiError | null };

export type SendChunk = (recordingId: string, seq: number, bytes: Blob) => Promise<SendResult>;

/** PUT /api/recordings/:id/chunks/:seq with the raw bytes (the typed client only sends JSON). */
export const sendChunk: SendChunk = async (recordingId, seq, bytes) => {
  let response: Response;
  try {
    const csrf = getCsrfToken();
    response = await fetch(`/api/recordings/${recordingId}/chunks/${seq}`, {
      method: 'PUT',
      credentials: 'include',
      headers: { 'content-type': 'application/octet-stream', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: bytes,
    });
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) return { kind: 'ok' };
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    return { kind: 'retry', reason: `HTTP ${response.status}` };
  }
  const body: unknown = await response.json().catch(() => null);
  return { kind: 'refused', error: isApiError(body) ? body : null };
};

export interface UploadProgress {
  /** Chunks handed over by the recorder. */
  recorded: number;
  /** Chunks the server has stored (contiguous from 0). */
  uploaded: number;
  uploadedBytes: number;
  /** The chunk being retried after a failure, or null. */
  retrying: number | null;
}

/** The server refused a chunk for good (out of order, different bytes, recording stopped…). */
export class ChunkRefused extends Error {
  constructor(
    readonly seq: number,
    readonly apiError: ApiError | null,
  ) {
    super(apiError ? apiError.error.message.en : `chunk ${seq} refused`);
    this.name = 'ChunkRefused';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Uploads a recording's chunks strictly in order, one at a time, each retried with a growing pause (1 s, 2 s, 4 s…
 * up to `maxDelayMs`) until the server stores it: the server accepts only the next chunk, and re-sending a stored
 * chunk is harmless (same bytes, same answer). A refusal (4xx other than 408/429) stops the queue and is reported.
 */
export class ChunkUploader {
  private queue: Blob[] = [];
  private running: Promise<void> | null = null;
  private failure: ChunkRefused | null = null;
  private progress: UploadProgress = { recorded: 0, uploaded: 0, uploadedBytes: 0, retrying: null };

  constructor(
    private readonly recordingId: string,
    private readonly onProgress: (p: UploadProgress) => void,
    private readonly send: SendChunk = sendChunk,
    private readonly delays = { firstMs: 1000, maxDelayMs: 10_000 },
  ) {}

  /** Adds the next chunk (empty blobs, which MediaRecorder sometimes emits, are skipped). */
  push(bytes: Blob): void {
    if (bytes.size === 0 || this.failure) return;
    this.queue.push(bytes);
    this.report({ recorded: this.progress.recorded + 1 });
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when every pushed chunk is stored; rejects with the refusal if the server refused one. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure) throw this.failure;
  }

  private report(change: Partial<UploadProgress>) {
    this.progress = { ...this.progress, ...change };
    this.onProgress(this.progress);
  }

  private async run(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      const seq = this.progress.uploaded;
      let delay = this.delays.firstMs;
      for (;;) {
        const result = await this.send(this.recordingId, seq, next);
        if (result.kind === 'ok') break;
        if (result.kind === 'refused') {
          this.failure = new ChunkRefused(seq, result.error);
          this.queue = [];
          this.report({ retrying: null });
          return;
        }
        this.report({ retrying: seq });
        await sleep(delay);
        delay = Math.min(delay * 2, this.delays.maxDelayMs);
      }
      this.report({ uploaded: seq + 1, uploadedBytes: this.progress.uploadedBytes + next.size, retrying: null });
    }
  }
}
