import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SealedBidEnvelope } from '@zhengcai/seal';
import { envInt, type Benchmark } from './harness/benchmark';
import {
  assertReceipt,
  completeSubmission,
  startSubmission,
  uploadCiphertext,
  type StartedSubmission,
} from './harness/bid-client';
import { startBidServer, type BidServer } from './harness/bid-server';
import { startChild, type ChildServer } from './harness/child';
import { withRandomFile } from './harness/files';
import { withScratchPostgres } from './harness/postgres';
import { presealBids } from './harness/preseal';
import { fmt, MB, mbPerSecond, median, percent, percentile, table } from './harness/stats';
import { timed, type Timed } from './harness/timed';
import { tusUpload } from './harness/tus-client';

/**
 * Many bidders at once: BENCH_BIDDERS approved suppliers (default 50), each with its own certificate bundle, upload a
 * sealed bid of one BENCH_BIDDER_MB file (default 20) to one real server at the same time — tus creation, 4 MiB
 * PATCHes in sequence per bidder, then POST …/complete — and every one must come back `submitted` with a receipt that
 * checks (else the run fails). The bids are real sealed bids (price sheet + file, sealBidStream, signed envelope)
 * that the server verifies, but they are sealed BEFORE the timed part (in two child processes), after each bidder
 * started its submission: the question is the server's chunk latency under concurrency, not the load generator's
 * SM4. Reference in the same round: the same ciphertext files uploaded the same way (tus-js-client, same
 * concurrency and chunk size) to a bare @tus/server with a FileStore (servers/bare-tus.ts). PGlite, then PostgreSQL
 * if reachable.
 */
const settings = {
  bidders: envInt('BENCH_BIDDERS', 50),
  megabytes: envInt('BENCH_BIDDER_MB', 20),
  rounds: envInt('BENCH_CONCURRENCY_ROUNDS', 1),
  suite: process.env.BENCH_CONCURRENCY_SUITE ?? 'gm',
};

interface Sealed {
  path: string;
  length: number;
  envelope: SealedBidEnvelope;
}

interface Wave {
  patchMs: number[];
  /** From the first request to the last PATCH answered. */
  uploadMs: number;
  /** Subject only: until the last receipt came back (uploads and completions). */
  totalMs: number;
  bytes: number;
  accepted: number;
}

interface Round {
  reference: Timed<Wave>;
  subject: Timed<Wave>;
}

/** The reference wave: every ciphertext file at once to the bare tus server. */
async function referenceWave(tus: ChildServer, sealed: Sealed[]): Promise<Wave> {
  const patchMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    sealed.map((bid) =>
      tusUpload({
        endpoint: `http://127.0.0.1:${tus.port}/files`,
        source: createReadStream(bid.path),
        size: bid.length,
        metadata: { filename: bid.path },
        patchMs,
      }),
    ),
  );
  const uploadMs = performance.now() - started;
  const bytes = sealed.reduce((n, b) => n + b.length, 0);
  return { patchMs, uploadMs, totalMs: uploadMs, bytes, accepted: sealed.length };
}

/** The subject wave: every bidder uploads its own sealed bid and completes it, all at once. */
async function subjectWave(bid: BidServer, starts: StartedSubmission[], sealed: Sealed[]): Promise<Wave> {
  const patchMs: number[] = [];
  const started = performance.now();
  let lastUpload = started;
  const outcomes = await Promise.allSettled(
    bid.bidders.map(async (bidder, i) => {
      const start = starts[i];
      const bidFile = sealed[i];
      if (!start || !bidFile) throw new Error(`no submission for bidder ${i}`);
      await uploadCiphertext(bidder, start, { path: bidFile.path }, bidFile.length, patchMs);
      lastUpload = Math.max(lastUpload, performance.now());
      return { receipt: await completeSubmission(bidder, start, bidFile.envelope), envelope: bidFile.envelope };
    }),
  );
  const totalMs = performance.now() - started;
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
  if (failures.length) {
    throw new Error(`${failures.length} of ${outcomes.length} bids not accepted; first: ${failures[0] ?? ''}`);
  }
  // Every receipt checked as anyone can: platform signature valid, matches the stored bid, state `submitted`.
  for (const o of outcomes)
    if (o.status === 'fulfilled') await assertReceipt(bid.base, o.value.receipt, o.value.envelope);
  const bytes = sealed.reduce((n, b) => n + b.length, 0);
  return { patchMs, uploadMs: lastUpload - started, totalMs, bytes, accepted: outcomes.length };
}

const ms = (value: number) => fmt(value, 0);
const mib = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : '–');

function waveRow(label: string, t: Timed<Wave>, withServer: boolean): string[] {
  const w = t.value;
  return [
    label,
    `${w.accepted}`,
    ms(percentile(w.patchMs, 50)),
    ms(percentile(w.patchMs, 95)),
    ms(percentile(w.patchMs, 99)),
    ms(Math.max(...w.patchMs)),
    (w.uploadMs / 1000).toFixed(1),
    (w.totalMs / 1000).toFixed(1),
    fmt(mbPerSecond(w.bytes, w.uploadMs), 0),
    withServer ? `${(t.serverCpuMs / 1000).toFixed(1)} s` : '–',
    withServer ? `${mib(t.serverRss.start)} → ${mib(t.serverRss.peak)}` : '–',
    percent(t.othersBusy),
  ];
}

interface Outcome {
  database: string;
  rounds: Round[];
  note: string;
}

async function measure(database: string, env: Record<string, string>, note: string, dir: string, plaintext: string) {
  const setupStarted = performance.now();
  const bid = await startBidServer(settings.suite, settings.bidders, env);
  try {
    const tus = await startChild('bare-tus');
    try {
      console.log(
        `\n  ${database}${note ? ` (${note})` : ''}: ${settings.bidders} bidders approved, enrolled and holding the ` +
          `documents in ${((performance.now() - setupStarted) / 1000).toFixed(0)} s; suite ${bid.suite}`,
      );
      const rounds: Round[] = [];
      for (let r = 0; r < settings.rounds; r++) {
        const starts: StartedSubmission[] = [];
        for (const bidder of bid.bidders) starts.push(await startSubmission(bidder, bid.projectId, bid.lotId));
        const sealStarted = performance.now();
        const jobs = starts.map((start, i) => ({
          index: i,
          start,
          keys: bid.bidders[i]?.keys ?? fail('bidder'),
          plaintextPath: plaintext,
          ciphertextPath: join(dir, `bid-${i}.sealed`),
          priceFen: 98_000_000 + i * 10_000 + r,
        }));
        const sealed = (await presealBids(jobs, 2)).map((s, i) => ({ ...s, path: jobs[i]?.ciphertextPath ?? '' }));
        console.log(
          `  round ${r + 1}: ${sealed.length} bids started and sealed (not timed) in ` +
            `${((performance.now() - sealStarted) / 1000).toFixed(0)} s`,
        );
        const reference = await timed(() => referenceWave(tus, sealed), tus);
        const subject = await timed(() => subjectWave(bid, starts, sealed), bid.server);
        rounds.push({ reference, subject });
        await Promise.all(sealed.map((s) => rm(s.path, { force: true })));
        console.log(
          table([
            [
              `round ${r + 1}`,
              'accepted',
              'PATCH p50 ms',
              'p95',
              'p99',
              'max',
              'upload wall s',
              'with complete s',
              'MB/s',
              'server CPU',
              'server RSS start→peak',
              'others',
            ],
            waveRow('reference: bare @tus/server', reference, true),
            waveRow('subject:   Zhengcai bids', subject, true),
          ]),
        );
      }
      return { database, rounds, note };
    } finally {
      await tus.stop();
    }
  } finally {
    await bid.server.stop();
  }
}

function fail(what: string): never {
  throw new Error(`missing ${what}`);
}

function measurePostgres(dir: string, plaintext: string): Promise<Outcome> {
  return withScratchPostgres(
    (url, note) => measure('PostgreSQL', { BENCH_DB_URL: url }, note, dir, plaintext),
    (note) => ({ database: 'PostgreSQL', rounds: [], note }),
  );
}

const benchmark: Benchmark = {
  name: 'bid-concurrency',
  title:
    'Many bidders uploading sealed bids at once (tus PATCH latency, wall time) beside a bare @tus/server — ratio = subject ÷ reference',
  async run() {
    await withRandomFile('zc-bench-bids-', settings.megabytes * MB, async (dir, plaintext) => {
      const outcomes: Outcome[] = [
        await measure('PGlite', {}, 'embedded, temporary data directory', dir, plaintext),
        await measurePostgres(dir, plaintext),
      ];
      console.log(
        `\n  Summary: ${settings.bidders} bidders × ${settings.megabytes} MB at once, 4 MiB PATCHes, suite ` +
          `${settings.suite}; medians over ${settings.rounds} round${settings.rounds === 1 ? '' : 's'}. ` +
          'Ratios are subject ÷ reference (higher = slower).',
      );
      const m = (rounds: Round[], pick: (r: Round) => number) => median(rounds.map(pick));
      const p99 = (w: Wave) => percentile(w.patchMs, 99);
      console.log(
        table([
          [
            'database',
            'accepted',
            'PATCH p99 ref / bids ms',
            'p99 ratio',
            'upload wall ref / bids s',
            'wall ratio',
            'bids MB/s',
          ],
          ...outcomes.map(({ database, rounds, note }) =>
            rounds.length
              ? [
                  database,
                  `${m(rounds, (r) => r.subject.value.accepted)}/${settings.bidders}`,
                  `${ms(m(rounds, (r) => p99(r.reference.value)))} / ${ms(m(rounds, (r) => p99(r.subject.value)))}`,
                  m(rounds, (r) => p99(r.subject.value) / p99(r.reference.value)).toFixed(2),
                  `${(m(rounds, (r) => r.reference.value.uploadMs) / 1000).toFixed(1)} / ${(
                    m(rounds, (r) => r.subject.value.uploadMs) / 1000
                  ).toFixed(1)}`,
                  m(rounds, (r) => r.subject.value.uploadMs / r.reference.value.uploadMs).toFixed(2),
                  fmt(
                    m(rounds, (r) => mbPerSecond(r.subject.value.bytes, r.subject.value.uploadMs)),
                    0,
                  ),
                ]
              : [database, note.split(':')[0] ?? 'skipped', '–', '–', '–', '–', '–'],
          ),
        ]),
      );
    });
  },
};

export default benchmark;
