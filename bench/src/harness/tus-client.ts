import type { Readable } from 'node:stream';
import { Upload, type HttpRequest } from 'tus-js-client';

/** The browser's tus settings (apps/web/src/features/bids/submit-sealed-bid.ts): 4 MiB per PATCH. */
export const TUS_CHUNK_SIZE = 4 * 1024 * 1024;

export interface TusUploadParams {
  /** Absolute creation URL (POST), e.g. http://127.0.0.1:port/api/uploads. */
  endpoint: string;
  /**
   * Exactly `size` bytes. An fs.ReadStream is read by ranges from its file (nothing buffered); any other Readable
   * is read one chunk at a time (tus-js-client keeps that chunk in memory for a retry).
   */
  source: Readable;
  size: number;
  metadata: Record<string, string>;
  headers?: Record<string, string>;
  /** Each PATCH's latency in milliseconds (request sent → response read) is appended here. */
  patchMs?: number[];
}

/**
 * One tus 1.0 upload with tus-js-client, the client the browser uses, in Node: creation (POST), then PATCHes of
 * TUS_CHUNK_SIZE in sequence. No retries: a refused or failed request fails the benchmark instead of being hidden.
 */
export function tusUpload(params: TusUploadParams): Promise<void> {
  const sentAt = new WeakMap<HttpRequest, number>();
  return new Promise((resolve, reject) => {
    const upload = new Upload(params.source, {
      endpoint: params.endpoint,
      uploadSize: params.size,
      chunkSize: TUS_CHUNK_SIZE,
      retryDelays: null,
      metadata: params.metadata,
      headers: params.headers ?? {},
      fingerprint: () => Promise.resolve(`zc-bench-${Object.values(params.metadata).join('-')}`),
      storeFingerprintForResuming: false,
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'PATCH') sentAt.set(req, performance.now());
      },
      onAfterResponse: (req) => {
        const started = sentAt.get(req);
        if (started !== undefined) params.patchMs?.push(performance.now() - started);
      },
      onError: reject,
      onSuccess: () => resolve(),
    });
    upload.start();
  });
}
