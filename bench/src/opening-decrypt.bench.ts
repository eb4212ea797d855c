import { join } from 'node:path';
import { envInt, type Benchmark } from './harness/benchmark';
import {
  call,
  completeSubmission,
  startSubmission,
  uploadCiphertext,
  type StartedSubmission,
} from './harness/bid-client';
import { startBidServer } from './harness/bid-server';
import { withRandomFile } from './harness/files';
import { openingScene, type OpeningScene } from './harness/opening-scene';
import { opensslDecrypt } from './harness/openssl-decrypt';
import { withScratchPostgres } from './harness/postgres';
import { presealBids } from './harness/preseal';
import { fmt, MB, mbPerSecond, percent, table } from './harness/stats';
import { inPool, timed, type Timed } from './harness/timed';

/**
 * The opening (C10, issue 4): BENCH_OPENING_BIDS sealed bids (default 300) of one BENCH_OPENING_MB file each (default
 * 20) on one lot of the real server. Not timed: the suppliers sign up, enrol, obtain the documents, seal (in two child
 * processes) and submit through the API; the server's clock is moved past the deadline, the hall opens by its job,
 * the agency starts decryption, every bidder signs in (签到) and unwraps its content key as its browser would. Timed:
 * every bidder releases its key at once; the server reads each ciphertext from the blob store, decrypts it, checks
 * hash and signature against the receipt, stores the plaintext files and reads the price sheet out — from the first
 * key release to the last `opening.bid_decrypted` seen by a viewer of the hall over SSE. Reference in the same round:
 * `openssl enc -d` (the suite's cipher in CTR mode, the GCM keystream without GHASH) plus `openssl dgst` (SM3 /
 * SHA-256) over the same ciphertext files, two at a time (two cores). PGlite, then PostgreSQL if reachable.
 */
const settings = {
  bids: envInt('BENCH_OPENING_BIDS', 300),
  megabytes: envInt('BENCH_OPENING_MB', 20),
  suite: process.env.BENCH_OPENING_SUITE ?? 'gm',
  uploadWidth: envInt('BENCH_OPENING_UPLOAD_WIDTH', 16),
};

interface Release {
  /** From the first key release to the last read-out seen by the hall's viewer. */
  wallMs: number;
  decrypted: number;
  bytes: number;
}

interface Outcome {
  database: string;
  note: string;
  reference?: Timed<void>;
  subject?: Timed<Release>;
}

/** Every bidder releases its key at once; resolves when the viewer has seen every read-out. */
async function releaseAll(scene: OpeningScene): Promise<Release> {
  const viewer = scene.viewer;
  const started = performance.now();
  const results = await Promise.all(
    scene.bids.map((bid) =>
      call<{ state: string }>(scene.base, 'POST', `/api/openings/${scene.lotId}/bids/${bid.submissionId}/key`, {
        session: bid.session,
        body: { contentKey: bid.contentKeyHex },
      }),
    ),
  );
  await viewer.waitFor(
    (messages) => messages.filter((m) => m.event === 'opening.bid_decrypted').length >= scene.bids.length,
    600_000,
  );
  const wallMs = performance.now() - started;
  const decrypted = results.filter((r) => r.state === 'decrypted').length;
  if (decrypted !== scene.bids.length) throw new Error(`${decrypted} of ${scene.bids.length} bids decrypted`);
  return { wallMs, decrypted, bytes: scene.bids.reduce((n, b) => n + b.length, 0) };
}

async function measure(database: string, env: Record<string, string>, note: string, dir: string, plaintext: string) {
  const setupStarted = performance.now();
  const server = await startBidServer(settings.suite, settings.bids, { ...env, BENCH_MOVABLE_CLOCK: '1' });
  try {
    const secs = () => `${((performance.now() - setupStarted) / 1000).toFixed(0)} s`;
    console.log(`\n  ${database}${note ? ` (${note})` : ''}: ${settings.bids} bidders ready in ${secs()}`);
    const starts: StartedSubmission[] = [];
    for (const bidder of server.bidders) starts.push(await startSubmission(bidder, server.projectId, server.lotId));
    const jobs = starts.map((start, i) => ({
      index: i,
      start,
      keys: server.bidders[i]?.keys ?? fail('bidder'),
      plaintextPath: plaintext,
      ciphertextPath: join(dir, `opening-${i}.sealed`),
      priceFen: 98_000_000 + i * 10_000,
    }));
    const sealed = await presealBids(jobs, 2);
    await inPool(server.bidders, settings.uploadWidth, async (bidder, i) => {
      const start = starts[i] ?? fail('start');
      const bid = sealed[i] ?? fail('sealed bid');
      const job = jobs[i] ?? fail('job');
      await uploadCiphertext(bidder, start, { path: job.ciphertextPath }, bid.length, []);
      await completeSubmission(bidder, start, bid.envelope);
    });
    console.log(`  ${settings.bids} sealed bids submitted in ${secs()}`);
    const scene = await openingScene(server, starts, sealed);
    try {
      console.log(`  hall open, decryption started, every bidder signed in and holding its key in ${secs()}`);
      const paths = jobs.map((j) => j.ciphertextPath);
      const reference = await timed(() => opensslDecrypt(server.suite, paths, 2));
      const subject = await timed(() => releaseAll(scene), server.server);
      const row = (label: string, ms: number, t: Timed<unknown>, withServer: boolean) => [
        label,
        (ms / 1000).toFixed(1),
        fmt(mbPerSecond(subject.value.bytes, ms), 0),
        withServer ? `${(t.serverCpuMs / 1000).toFixed(1)} s` : '–',
        withServer ? `${Math.round(t.serverRss.start / 2 ** 20)} → ${Math.round(t.serverRss.peak / 2 ** 20)} MiB` : '–',
        percent(t.othersBusy),
      ];
      console.log(
        table([
          ['', 'wall s', 'MB/s', 'server CPU', 'server RSS', 'others'],
          row('reference: openssl enc -d + dgst, 2 at a time', reference.ms, reference, false),
          row(`subject:   Zhengcai hall, ${subject.value.decrypted} read out`, subject.value.wallMs, subject, true),
        ]),
      );
      return { database, note, reference, subject };
    } finally {
      scene.close();
    }
  } finally {
    await server.server.stop();
  }
}

function fail(what: string): never {
  throw new Error(`missing ${what}`);
}

const benchmark: Benchmark = {
  name: 'opening-decrypt',
  title:
    'The opening: every bidder releases its key at once, the server decrypts, verifies and reads out — beside openssl over the same bytes (ratio = subject ÷ reference)',
  async run() {
    await withRandomFile('zc-bench-opening-', settings.megabytes * MB, async (dir, plaintext) => {
      const outcomes: Outcome[] = [await measure('PGlite', {}, 'embedded, temporary data directory', dir, plaintext)];
      outcomes.push(
        await withScratchPostgres(
          (url, note) => measure('PostgreSQL', { BENCH_DB_URL: url }, note, dir, plaintext),
          (note): Outcome => ({ database: 'PostgreSQL', note }),
        ),
      );
      console.log(
        `\n  Summary: ${settings.bids} bids × ${settings.megabytes} MB, suite ${settings.suite}; time from the first ` +
          'key release to the last read-out, beside openssl decrypting and hashing the same ciphertext (higher = slower).',
      );
      console.log(
        table([
          ['database', 'openssl s', 'Zhengcai s', 'ratio', 'Zhengcai MB/s'],
          ...outcomes.map((o) =>
            o.reference && o.subject
              ? [
                  o.database,
                  (o.reference.ms / 1000).toFixed(1),
                  (o.subject.value.wallMs / 1000).toFixed(1),
                  (o.subject.value.wallMs / o.reference.ms).toFixed(2),
                  fmt(mbPerSecond(o.subject.value.bytes, o.subject.value.wallMs), 0),
                ]
              : [o.database, o.note.split(':')[0] ?? 'skipped', '–', '–', '–'],
          ),
        ]),
      );
    });
  },
};

export default benchmark;
