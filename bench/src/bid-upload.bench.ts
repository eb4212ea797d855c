import { join } from 'node:path';
import { envInt, type Benchmark } from './harness/benchmark';
import {
  assertReceipt,
  completeSubmission,
  sealBidFile,
  startSubmission,
  uploadCiphertext,
  type Bidder,
} from './harness/bid-client';
import { startBidServer, type BidServer } from './harness/bid-server';
import { streamedCopy, withRandomFile, writeRandomFile } from './harness/files';
import { fmt, MB, mbPerSecond, median, percent, percentile, range, table } from './harness/stats';
import { timed, type Timed } from './harness/timed';

/**
 * One large sealed bid through the whole client path and the real server, beside a plain copy of the same bytes.
 *
 * Subject: what the browser does (apps/web/src/features/bids/submit-sealed-bid.ts) for a bid of a price sheet and
 * one BENCH_BID_MB file, in Node over HTTP against the real app in a child process (servers/zhengcai-bids.ts, PGlite
 * in a temporary directory, CRYPTO_SUITE = each suite): POST /api/bids/submissions → describe the file (hash pass)
 * → writeBidPackage → sealBidStream → tus-js-client upload in 4 MiB PATCHes, the ciphertext streamed straight from
 * the sealer into the requests (never the whole bid in memory) → POST …/complete with the envelope signed by the
 * bidder's key → the signed receipt, then checked as `submitted` through the public verify route (not timed).
 * Reference: the same file copied to another file on the same disk (fs.createReadStream → fs.createWriteStream).
 * Rounds alternate reference and subject; each round's bid replaces the previous one (修改).
 */
const settings = {
  megabytes: envInt('BENCH_BID_MB', 200),
  rounds: envInt('BENCH_BID_ROUNDS', 3),
  suites: (process.env.BENCH_BID_SUITES ?? 'gm,intl').split(',').filter(Boolean),
};

interface Phases {
  startMs: number;
  describeMs: number;
  sealUploadMs: number;
  completeMs: number;
  patchMs: number[];
  ciphertextBytes: number;
}

interface Round {
  reference: Timed<void>;
  subject: Timed<Phases>;
  ratio: number;
}

async function submitStreamed(bid: BidServer, bidder: Bidder, path: string, priceFen: number): Promise<Phases> {
  const t0 = performance.now();
  const start = await startSubmission(bidder, bid.projectId, bid.lotId);
  const t1 = performance.now();
  const sealing = await sealBidFile(start, bidder.keys, { path, name: '投标文件.bin' }, priceFen);
  const t2 = performance.now();
  const patchMs: number[] = [];
  await uploadCiphertext(bidder, start, { stream: sealing.ciphertext }, sealing.length, patchMs);
  const envelope = await sealing.envelope();
  const t3 = performance.now();
  const receipt = await completeSubmission(bidder, start, envelope);
  const t4 = performance.now();
  await assertReceipt(bid.base, receipt, envelope);
  return {
    startMs: t1 - t0,
    describeMs: t2 - t1,
    sealUploadMs: t3 - t2,
    completeMs: t4 - t3,
    patchMs,
    ciphertextBytes: sealing.length,
  };
}

const mib = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : '–');
const s = (ms: number) => (ms / 1000).toFixed(2);

async function measureSuite(suite: string, dir: string, file: string, warmup: string, bytes: number) {
  const bid = await startBidServer(suite, 1);
  try {
    const bidder = bid.bidders[0];
    if (!bidder) throw new Error('no bidder');
    // Warm-up (not counted): JIT, the platform keys' first use, the first blob directory.
    await submitStreamed(bid, bidder, warmup, 100_00);
    console.log(
      `\n  ${suite} (CRYPTO_SUITE=${bid.suite}, ${bid.database}) — ${settings.rounds} rounds, ` +
        `${fmt(bytes / MB)} MB file, reference then subject`,
    );
    const rounds: Round[] = [];
    const rows: string[][] = [
      [
        'round',
        'copy MB/s',
        'bid MB/s',
        'ratio',
        'start / hash / seal+upload / complete s',
        'server RSS start→peak',
        'client peak',
        'others copy / bid',
      ],
    ];
    for (let i = 0; i < settings.rounds; i++) {
      const reference = await timed(() => streamedCopy(file, join(dir, 'copy.bin')));
      const subject = await timed(() => submitStreamed(bid, bidder, file, 1_234_567_00 + i), bid.server);
      const round = {
        reference,
        subject,
        ratio: mbPerSecond(bytes, subject.ms) / mbPerSecond(bytes, reference.ms),
      };
      rounds.push(round);
      const p = subject.value;
      rows.push([
        String(i + 1),
        fmt(mbPerSecond(bytes, reference.ms), 0),
        fmt(mbPerSecond(bytes, subject.ms), 1),
        round.ratio.toFixed(3),
        [p.startMs, p.describeMs, p.sealUploadMs, p.completeMs].map(s).join(' / '),
        `${mib(subject.serverRss.start)} → ${mib(subject.serverRss.peak)}`,
        mib(subject.clientRss.peak),
        `${percent(reference.othersBusy)} / ${percent(subject.othersBusy)}`,
      ]);
    }
    console.log(table(rows));
    const last = rounds[rounds.length - 1]?.subject.value;
    const patches = rounds.flatMap((r) => r.subject.value.patchMs);
    const cpu = (pick: (r: Round) => number) => median(rounds.map(pick));
    console.log(
      `  ciphertext ${fmt(last?.ciphertextBytes ?? Number.NaN)} bytes in ${last?.patchMs.length ?? 0} PATCHes; ` +
        `PATCH p50 ${fmt(percentile(patches, 50))} ms, p99 ${fmt(percentile(patches, 99))} ms; ` +
        `CPU per bid (median): client ${s(cpu((r) => r.subject.clientCpuMs))} s, ` +
        `server ${s(cpu((r) => r.subject.serverCpuMs))} s`,
    );
    return { suite, database: bid.database, rounds };
  } finally {
    await bid.server.stop();
  }
}

const benchmark: Benchmark = {
  name: 'bid-upload',
  title:
    'One large sealed bid (seal → tus → complete → receipt) beside a disk copy of the same file — ratio = bid MB/s ÷ copy MB/s',
  async run() {
    const bytes = settings.megabytes * MB;
    await withRandomFile('zc-bench-bid-', bytes, async (dir, file) => {
      const warmup = join(dir, 'warmup.bin');
      await writeRandomFile(warmup, MB);
      const outcomes = [];
      for (const suite of settings.suites) outcomes.push(await measureSuite(suite, dir, file, warmup, bytes));
      console.log(
        `\n  Summary (medians of ${settings.rounds} rounds; MB = 10^6 bytes of the bid file). ` +
          'ratio = bid MB/s ÷ copy MB/s per round; RSS peaks are the highest of the rounds',
      );
      console.log(
        table([
          ['suite', 'copy MB/s', 'bid MB/s', 'ratio (min – max)', 'server peak RSS', 'client peak RSS'],
          ...outcomes.map(({ suite, database, rounds }) => [
            `${suite} (${database})`,
            fmt(median(rounds.map((r) => mbPerSecond(bytes, r.reference.ms))), 0),
            fmt(median(rounds.map((r) => mbPerSecond(bytes, r.subject.ms))), 1),
            `${median(rounds.map((r) => r.ratio)).toFixed(3)} (${range(
              rounds.map((r) => r.ratio),
              3,
            )})`,
            mib(Math.max(...rounds.map((r) => r.subject.serverRss.peak))),
            mib(Math.max(...rounds.map((r) => r.subject.clientRss.peak))),
          ]),
        ]),
      );
    });
  },
};

export default benchmark;
