import { describe, expect, it } from 'vitest';
import { ChunkRefused, ChunkUploader, type SendChunk, type UploadProgress } from './chunk-uploader';

const blob = (n: number) => new Blob([new Uint8Array(n)]);
const fast = { firstMs: 1, maxDelayMs: 4 };

describe('ChunkUploader', () => {
  it('sends chunks strictly in order, retries transient failures, skips empty blobs', async () => {
    const sent: number[] = [];
    let failures = 2;
    const send: SendChunk = async (_id, seq) => {
      sent.push(seq);
      if (seq === 1 && failures-- > 0) return { kind: 'retry', reason: 'offline' };
      return { kind: 'ok' };
    };
    const seen: UploadProgress[] = [];
    const uploader = new ChunkUploader('r', (p) => seen.push(p), send, fast);
    uploader.push(blob(10));
    uploader.push(blob(0));
    uploader.push(blob(20));
    uploader.push(blob(30));
    await uploader.drain();
    expect(sent).toEqual([0, 1, 1, 1, 2]);
    expect(seen.at(-1)).toEqual({ recorded: 3, uploaded: 3, uploadedBytes: 60, retrying: null });
    expect(seen.some((p) => p.retrying === 1)).toBe(true);
  });

  it('stops at a refusal and reports it', async () => {
    const error = { error: { code: 'RECORDING_STOPPED', message: { zh: '已结束', en: 'stopped' }, requestId: 'x' } };
    const send: SendChunk = async (_id, seq) => (seq === 1 ? { kind: 'refused', error } : { kind: 'ok' });
    const uploader = new ChunkUploader('r', () => undefined, send, fast);
    uploader.push(blob(1));
    uploader.push(blob(1));
    uploader.push(blob(1));
    await expect(uploader.drain()).rejects.toEqual(new ChunkRefused(1, error));
    await expect(uploader.drain()).rejects.toMatchObject({ seq: 1, apiError: error });
  });
});
