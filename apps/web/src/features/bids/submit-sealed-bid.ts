import {
  describeFile,
  type BidPackageFile,
  sealBidStream,
  writeBidPackage,
  type PriceSheet,
  type Suite,
  type UserKeys,
} from '@zhengcai/seal';
import { Upload } from 'tus-js-client';
import { api, getCsrfToken } from '../../api/client';
import type { ApiError } from '../../api/errors';
import type { paths } from '../../api/schema';

/** A refusal from the API during submission, carrying its bilingual error body. */
export class BidApiError extends Error {
  constructor(readonly body: ApiError) {
    super(body.error.code);
    this.name = 'BidApiError';
  }
}

export type SignedReceipt =
  paths['/api/bids/submissions/{id}/complete']['post']['responses']['200']['content']['application/json'];
/** A consortium bid sealed by its lead, waiting for the members' signatures. */
export type AwaitingSubmission =
  paths['/api/bids/submissions/{id}/complete']['post']['responses']['202']['content']['application/json'];
export type ConsortiumInput = NonNullable<
  NonNullable<paths['/api/bids/submissions']['post']['requestBody']>['content']['application/json']['consortium']
>;

export type SubmitOutcome =
  { kind: 'receipt'; receipt: SignedReceipt } | { kind: 'awaiting'; submission: AwaitingSubmission };

export interface Progress {
  phase: 'start' | 'encrypt' | 'upload' | 'complete';
  /** 0…1 within the phase. */
  fraction: number;
}

async function* fileChunks(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** tus upload of the sealed bytes: 4 MiB requests, retried and resumed from the server's offset after a drop. */
function upload(
  blob: Blob,
  submissionId: string,
  endpoint: string,
  onProgress: (f: number) => void,
  onRetry?: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const csrf = getCsrfToken();
    const tus = new Upload(blob, {
      endpoint,
      chunkSize: 4 * 1024 * 1024,
      retryDelays: [0, 1000, 2000, 4000, 8000, 15000, 30000],
      metadata: { submissionId },
      headers: csrf ? { 'x-csrf-token': csrf } : {},
      // The upload is bound to this submission: resume it from the server, never another one's fingerprint.
      fingerprint: () => Promise.resolve(`zc-bid-${submissionId}`),
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => onProgress(total > 0 ? sent / total : 1),
      onShouldRetry: () => {
        onRetry?.();
        return true;
      },
      onError: reject,
      onSuccess: () => resolve(),
    });
    tus.start();
  });
}

/**
 * The whole browser side of C9 for one lot: start a submission (the server's nonce and our own encryption key),
 * package the price sheet and files, seal them (fresh content key, wrapped for our own key, escrowed k-of-n among the
 * project's key holders when it names them; signature), upload the
 * ciphertext with tus, then complete with the envelope and get the signed receipt. For a consortium bid the
 * composition the server issued is sealed into the statement and the submission then waits for the members.
 */
export async function submitSealedBid(params: {
  projectId: string;
  lotId: string;
  sheet: PriceSheet;
  files: File[];
  keys: UserKeys;
  consortium?: ConsortiumInput;
  onProgress: (p: Progress) => void;
  onRetry?: () => void;
}): Promise<SubmitOutcome> {
  params.onProgress({ phase: 'start', fraction: 0 });
  const started = await api.POST('/api/bids/submissions', {
    body: {
      projectId: params.projectId,
      lotId: params.lotId,
      ...(params.consortium ? { consortium: params.consortium } : {}),
    },
  });
  if (!started.data) throw new BidApiError(started.error);
  const start = started.data;
  const suite: Suite = start.suite;
  const described: BidPackageFile[] = [];
  for (const file of params.files) {
    described.push({ name: file.name, ...(await describeFile(suite, fileChunks(file))), open: () => fileChunks(file) });
  }
  const total = params.files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const piece of writeBidPackage(suite, params.sheet, described)) {
      done += piece.length;
      params.onProgress({ phase: 'encrypt', fraction: Math.min(1, done / total) });
      yield piece;
    }
  }
  const sealer = await sealBidStream({
    suite,
    bidderPublicKey: start.encryptionPublicKey,
    signingKey: params.keys.signing.privateKey,
    context: start.context,
    consortium: start.consortium,
    // Emergency recovery (ADR 0015): the content key is also split k-of-n for the holders the server issued.
    escrow: start.keyEscrow && {
      threshold: start.keyEscrow.threshold,
      holders: start.keyEscrow.holders.map((h) => ({ holderId: h.holderId, publicKey: h.publicKey })),
    },
    plaintext: counted(),
  });
  const parts: BlobPart[] = [];
  for await (const piece of sealer.ciphertext) parts.push(piece.slice().buffer);
  const envelope = await sealer.envelope();
  const blob = new Blob(parts, { type: 'application/octet-stream' });
  await upload(
    blob,
    start.submissionId,
    start.uploadEndpoint,
    (f) => params.onProgress({ phase: 'upload', fraction: f }),
    params.onRetry,
  );
  params.onProgress({ phase: 'complete', fraction: 0 });
  const completed = await api.POST('/api/bids/submissions/{id}/complete', {
    params: { path: { id: start.submissionId } },
    body: envelope,
  });
  if (!completed.data) throw new BidApiError(completed.error);
  params.onProgress({ phase: 'complete', fraction: 1 });
  return completed.response.status === 202
    ? { kind: 'awaiting', submission: completed.data as AwaitingSubmission }
    : { kind: 'receipt', receipt: completed.data as SignedReceipt };
}
