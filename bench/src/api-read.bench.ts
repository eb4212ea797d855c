import type { Benchmark } from './harness/benchmark';
import { envInt } from './harness/benchmark';
import { startChild, type ChildServer } from './harness/child';
import { compare, type Comparison, type RoundResult } from './harness/http-load';
import { withScratchPostgres } from './harness/postgres';
import { fmt, median, percent, table } from './harness/stats';

/**
 * Authenticated JSON read: GET /api/me with a session cookie on the real app. Per request that is the access hook
 * (cookie → SHA-256 → one SELECT joining sessions, users and organisations), the route, zod response serialisation,
 * and the metrics/request-id hooks. Reference: a bare fastify route returning a small JSON object, measured in the
 * same run, alternately with the subject. Both servers run in child processes; autocannon runs in this process.
 */
const settings = {
  rounds: envInt('BENCH_ROUNDS', 7),
  seconds: envInt('BENCH_SECONDS', 4),
  warmupSeconds: 2,
  connections: envInt('BENCH_CONNECTIONS', 10),
};

interface Outcome {
  database: string;
  comparison: Comparison | null;
  note: string;
}

/** Logs in over HTTP as the seeded account and returns the `Cookie` header for later requests. */
async function logIn(server: ChildServer): Promise<string> {
  const base = `http://127.0.0.1:${server.port}`;
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: server.facts.login, password: server.facts.password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] ?? '')
    .find((c) => c.startsWith('zc_session='));
  if (!session) throw new Error('login set no zc_session cookie');
  // Make sure the read under load is the authenticated one, not a 401 that happens to be fast.
  const me = await fetch(`${base}/api/me`, { headers: { cookie: session } });
  const body = (await me.json()) as { user?: { login?: string } };
  if (me.status !== 200 || body.user?.login !== server.facts.login) {
    throw new Error(`GET /api/me with the session answered ${me.status}`);
  }
  return session;
}

function roundRow(round: number, ref: RoundResult, sub: RoundResult): string[] {
  return [
    String(round),
    fmt(ref.rps),
    fmt(sub.rps),
    (sub.rps / ref.rps).toFixed(3),
    `${percent(ref.machineBusy)} / ${percent(sub.machineBusy)}`,
    `${percent(ref.othersBusy)} / ${percent(sub.othersBusy)}`,
  ];
}

/** autocannon's whole milliseconds: 0 means under one. */
const ms = (value: number) => (value === 0 ? '<1' : fmt(value));

function summaryRow(label: string, rounds: RoundResult[]): string[] {
  const m = (pick: (r: RoundResult) => number) => median(rounds.map(pick));
  const meanMs = m((r) => r.mean);
  return [
    label,
    fmt(m((r) => r.rps)),
    ms(m((r) => r.p50)),
    ms(m((r) => r.p99)),
    fmt(meanMs, 2),
    fmt(m((r) => r.serverCpuMicros)),
  ];
}

/** Median CPU µs per request of the reference server ÷ that of the subject's server process. */
function cpuRatio(c: Comparison): number {
  return median(c.reference.map((r) => r.serverCpuMicros)) / median(c.subject.map((r) => r.serverCpuMicros));
}

async function measure(database: string, subjectEnv: Record<string, string>, note: string): Promise<Outcome> {
  const subject = await startChild('zhengcai-app', subjectEnv);
  try {
    const reference = await startChild('bare-fastify');
    try {
      const cookie = await logIn(subject);
      console.log(
        `\n  ${database}${note ? ` (${note})` : ''} — ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} × ${settings.seconds} s per side, ` +
          `${settings.connections} connections, after ${settings.warmupSeconds} s warm-up each`,
      );
      const rounds: string[][] = [
        ['round', 'reference req/s', 'GET /api/me req/s', 'ratio', 'CPU busy ref / me', 'of it others ref / me'],
      ];
      const comparison = await compare(
        { label: 'bare fastify', url: `http://127.0.0.1:${reference.port}/hello`, server: reference },
        { label: 'GET /api/me', url: `http://127.0.0.1:${subject.port}/api/me`, headers: { cookie }, server: subject },
        settings,
        (i, ref, sub) => rounds.push(roundRow(i, ref, sub)),
      );
      console.log(table(rounds));
      console.log('');
      console.log(
        table([
          ['median of rounds', 'req/s', 'p50 ms', 'p99 ms', 'mean ms (L÷λ)', 'server CPU µs/req'],
          summaryRow('reference: bare fastify GET /hello', comparison.reference),
          summaryRow('subject:   GET /api/me (session)', comparison.subject),
        ]),
      );
      console.log(
        `  ratio subject/reference: median ${median(comparison.ratios).toFixed(3)} ` +
          `(min ${Math.min(...comparison.ratios).toFixed(3)}, max ${Math.max(...comparison.ratios).toFixed(3)})`,
      );
      console.log(
        `  server CPU per request, reference ÷ subject: ${cpuRatio(comparison).toFixed(3)} ` +
          '(server processes only; steadier than the rates when other work shares the machine)',
      );
      return { database, comparison, note };
    } finally {
      await reference.stop();
    }
  } finally {
    await subject.stop();
  }
}

function measurePostgres(): Promise<Outcome> {
  return withScratchPostgres(
    (url, note) => measure('PostgreSQL', { BENCH_DB_URL: url }, note),
    (note) => ({ database: 'PostgreSQL', comparison: null, note }),
  );
}

const benchmark: Benchmark = {
  name: 'api-read',
  title: 'Authenticated JSON read (GET /api/me) beside a bare fastify route — ratio = subject / reference',
  async run() {
    const outcomes = [await measure('PGlite', {}, 'embedded, temporary data directory'), await measurePostgres()];
    console.log(
      '\n  Summary (medians). ratio = GET /api/me req/s ÷ bare fastify req/s, per round, then the median; ' +
        'CPU/req ratio = bare fastify server CPU per request ÷ GET /api/me server CPU per request',
    );
    console.log(
      table([
        ['database', 'reference req/s', 'GET /api/me req/s', 'ratio', 'CPU/req ratio', 'me p50 ms', 'me p99 ms'],
        ...outcomes.map(({ database, comparison: c, note }) =>
          c
            ? [
                database,
                fmt(median(c.reference.map((r) => r.rps))),
                fmt(median(c.subject.map((r) => r.rps))),
                median(c.ratios).toFixed(3),
                cpuRatio(c).toFixed(3),
                ms(median(c.subject.map((r) => r.p50))),
                ms(median(c.subject.map((r) => r.p99))),
              ]
            : [database, note.split(':')[0] ?? 'skipped', '–', '–', '–', '–', '–'],
        ),
      ]),
    );
  },
};

export default benchmark;
