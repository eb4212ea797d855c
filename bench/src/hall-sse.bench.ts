import { envInt, type Benchmark } from './harness/benchmark';
import { startChild, type ChildServer } from './harness/child';
import { busyFraction, machineCpu } from './harness/machine';
import { withScratchPostgres } from './harness/postgres';
import { openViewers } from './harness/sse-viewers';
import { fmt, median, percent, percentile, table } from './harness/stats';

/**
 * The opening hall's live stream (issue 4): BENCH_SSE_VIEWERS viewers (default 2,000) hold
 * `GET /api/live?subject=opening:<lotId>` open on one real server (servers/zhengcai-hall.ts: the app as `npm start`
 * runs it, live hub started), anonymous like the public in the hall. Events are appended one at a time
 * (BENCH_SSE_EVENTS, default 50, after 3 not counted) by the platform's `appendEvent` in a transaction in the
 * server's process — a public event on subject `opening:<lotId>` — and the next one only once every viewer has the
 * previous one. Latency = the instant a viewer's socket delivered the frame − the instant the commit returned in the
 * server (wall clock with sub-millisecond precision, one machine), over every (event, viewer) pair.
 *
 * Reference in the same run: a bare node:http SSE server (servers/bare-sse.ts) with as many viewers, writing the
 * same frames (the `data:` lines the Zhengcai viewers received) one event at a time; latency from the instant it
 * started writing. Viewers run in their own process (workers/sse-viewers.ts). PGlite, then PostgreSQL.
 */
const settings = {
  viewers: envInt('BENCH_SSE_VIEWERS', 2000),
  events: envInt('BENCH_SSE_EVENTS', 50),
  warmup: 3,
  gapMs: envInt('BENCH_SSE_GAP_MS', 200),
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Side {
  latencies: number[];
  /** Per event: the slowest viewer (time until everyone had it). */
  lastViewer: number[];
  payloads: string[];
  connectMs: number;
  serverCpuMsPerEvent: number;
  viewersCpuMsPerEvent: number;
  /** Share of both cores busy with neither the server nor the viewers (other work, PostgreSQL's processes). */
  othersBusy: number;
  /** Zhengcai only: median time from the end of the transaction body to the commit returning. */
  commitMs: number;
}

/** Connects the viewers, appends warm-up then measured events one at a time, and collects the latencies. */
async function drive(
  server: ChildServer,
  url: string,
  append: (i: number) => Promise<{ id: string; at: number; commitMs?: number }>,
): Promise<Side> {
  const viewers = await openViewers(url, settings.viewers);
  try {
    const seen = Number(await server.call('viewers'));
    if (seen !== settings.viewers) throw new Error(`the server holds ${seen} streams, expected ${settings.viewers}`);
    for (let w = 0; w < settings.warmup; w++) {
      const { id } = await append(-1 - w);
      await viewers.complete(id, 60_000);
      await sleep(settings.gapMs);
    }
    const sent: { id: string; at: number }[] = [];
    const commits: number[] = [];
    const cpuBefore = await server.cpuMicros();
    const machineBefore = machineCpu();
    const started = performance.now();
    for (let i = 0; i < settings.events; i++) {
      const event = await append(i);
      sent.push(event);
      if (event.commitMs !== undefined) commits.push(event.commitMs);
      await viewers.complete(event.id, 60_000);
      await sleep(settings.gapMs);
    }
    const wallMs = performance.now() - started;
    const machineBusy = busyFraction(machineBefore, machineCpu());
    const serverCpuMs = ((await server.cpuMicros()) - cpuBefore) / 1000;
    const samples = await viewers.collect();
    const latencies: number[] = [];
    const lastViewer: number[] = [];
    for (const { id, at } of sent) {
      const times = samples.received[id] ?? [];
      if (times.length !== settings.viewers) throw new Error(`event ${id}: ${times.length} receipts`);
      const own = times.map((t) => t - at);
      latencies.push(...own);
      lastViewer.push(Math.max(...own));
    }
    // The viewers' CPU covers the warm-up too; scale by events to compare sides (same warm-up on both).
    const viewersCpuMs = samples.cpuMs;
    const ownShare = (serverCpuMs + viewersCpuMs) / (wallMs * 2);
    return {
      latencies,
      lastViewer,
      payloads: sent.map(({ id }) => samples.payloads[id] ?? ''),
      connectMs: viewers.connectMs,
      serverCpuMsPerEvent: serverCpuMs / settings.events,
      viewersCpuMsPerEvent: viewersCpuMs / (settings.events + settings.warmup),
      othersBusy: Math.max(0, machineBusy - ownShare),
      commitMs: commits.length ? median(commits) : Number.NaN,
    };
  } finally {
    await viewers.close();
  }
}

interface Outcome {
  database: string;
  bare: Side;
  zhengcai: Side;
  note: string;
}

async function measure(database: string, env: Record<string, string>, note: string): Promise<Outcome> {
  console.log(`\n  ${database} — ${note}`);
  const app = await startChild('zhengcai-hall', env);
  let zhengcai: Side;
  try {
    const lotId = app.facts.lotId ?? '';
    zhengcai = await drive(app, `http://127.0.0.1:${app.port}/api/live?subject=opening:${lotId}`, async () => {
      const { seq, committedAt, bodyDone } = JSON.parse(await app.call('append')) as {
        seq: number;
        committedAt: number;
        bodyDone: number;
      };
      return { id: String(seq), at: committedAt, commitMs: committedAt - bodyDone };
    });
  } finally {
    await app.stop();
  }
  const bareServer = await startChild('bare-sse');
  let bare: Side;
  try {
    let warm = 0;
    bare = await drive(bareServer, `http://127.0.0.1:${bareServer.port}/live`, async (i) => {
      const id = i < 0 ? `w${warm++}` : String(i + 1);
      const data = i < 0 ? (zhengcai.payloads[0] ?? '{}') : (zhengcai.payloads[i] ?? '{}');
      const { sentAt } = JSON.parse(await bareServer.call('broadcast', JSON.stringify({ id, data }))) as {
        sentAt: number;
      };
      return { id, at: sentAt };
    });
  } finally {
    await bareServer.stop();
  }
  return { database, bare, zhengcai, note };
}

const ms = (n: number) => fmt(n, 1);

function report(outcomes: Outcome[]): void {
  const rows: string[][] = [
    [
      'database',
      'viewers × events',
      'bare p50 / p99 / last (ms)',
      'Zhengcai p50 / p99 / last (ms)',
      'ratio p50',
      'ratio p99',
      'server CPU per event, bare / Zhengcai',
      'commit (ms)',
      'others',
    ],
  ];
  for (const o of outcomes) {
    const b = o.bare;
    const z = o.zhengcai;
    rows.push([
      o.database,
      `${fmt(settings.viewers)} × ${settings.events}`,
      `${ms(percentile(b.latencies, 50))} / ${ms(percentile(b.latencies, 99))} / ${ms(median(b.lastViewer))}`,
      `${ms(percentile(z.latencies, 50))} / ${ms(percentile(z.latencies, 99))} / ${ms(median(z.lastViewer))}`,
      (percentile(z.latencies, 50) / percentile(b.latencies, 50)).toFixed(2),
      (percentile(z.latencies, 99) / percentile(b.latencies, 99)).toFixed(2),
      `${ms(b.serverCpuMsPerEvent)} / ${ms(z.serverCpuMsPerEvent)} ms`,
      ms(z.commitMs),
      `${percent(b.othersBusy)} / ${percent(z.othersBusy)}`,
    ]);
  }
  console.log(`\n${table(rows)}`);
  console.log(
    '\n  p50/p99 over every (event, viewer) pair; "last" = median over events of the slowest viewer. Connecting the',
  );
  console.log(
    `  viewers took ${outcomes.map((o) => `${o.database}: bare ${fmt(o.bare.connectMs / 1000, 1)} s, Zhengcai ${fmt(o.zhengcai.connectMs / 1000, 1)} s`).join('; ')}.`,
  );
  console.log(
    `  Viewers' CPU per event (their own process): ${outcomes.map((o) => `${o.database} bare ${ms(o.bare.viewersCpuMsPerEvent)} / Zhengcai ${ms(o.zhengcai.viewersCpuMsPerEvent)} ms`).join('; ')}.`,
  );
}

const benchmark: Benchmark = {
  name: 'hall-sse',
  title: `${settings.viewers} SSE viewers on one opening hall: broadcast latency from commit, beside a bare node:http SSE server`,
  async run() {
    const outcomes: Outcome[] = [];
    outcomes.push(await measure('PGlite', {}, 'embedded, in the server process'));
    const pg = await withScratchPostgres(
      (url, note) => measure('PostgreSQL', { BENCH_DB_URL: url }, note),
      () => null,
    );
    if (pg) outcomes.push(pg);
    report(outcomes);
  },
};

export default benchmark;
