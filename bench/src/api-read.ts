import autocannon from 'autocannon';
import { startChild } from './child-server';
import { fmt, median } from './stats';

/**
 * The rate of an authenticated JSON read (GET /api/me: session cookie → session row → user + organisation join →
 * zod-serialised JSON) beside a bare fastify route returning JSON, measured in the same run, alternating
 * reference and subject so machine drift affects both. Each server runs in its own process; autocannon runs here.
 */
const ROUNDS = 3;
const SECONDS = 5;
const CONNECTIONS = 10;

interface Round {
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Round> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function measure(mode: 'pglite' | 'postgres'): Promise<void> {
  let subject;
  try {
    subject = await startChild('subject', [mode]);
  } catch (error) {
    console.log(`  ${mode}: skipped (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const bare = await startChild('bare');
  const ref: Round[] = [];
  const sub: Round[] = [];
  try {
    const subjectUrl = `http://127.0.0.1:${subject.info.port}/api/me`;
    const bareUrl = `http://127.0.0.1:${bare.info.port}/hello`;
    const cookie = { cookie: `zc_session=${subject.info.cookie ?? ''}` };
    await load(bareUrl); // warm-up of both, not counted
    await load(subjectUrl, cookie);
    for (let i = 0; i < ROUNDS; i++) {
      ref.push(await load(bareUrl));
      sub.push(await load(subjectUrl, cookie));
    }
  } finally {
    await subject.stop();
    await bare.stop();
  }
  const ratios = sub.map((s, i) => s.rps / (ref[i]?.rps ?? 1));
  console.log(`\n  ${mode === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} — ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections`);
  console.log('  what                          req/s (median)   p50 ms   p99 ms');
  const row = (name: string, r: Round[]) =>
    console.log(
      `  ${name.padEnd(30)}${fmt(median(r.map((x) => x.rps))).padStart(14)}${fmt(median(r.map((x) => x.p50)), 1).padStart(9)}${fmt(median(r.map((x) => x.p99)), 1).padStart(9)}`,
    );
  row('bare fastify JSON route', ref);
  row('GET /api/me (session)', sub);
  console.log(`  ratio per round: ${ratios.map((r) => r.toFixed(3)).join(', ')}; median ${median(ratios).toFixed(3)}`);
}

export async function apiReadBenchmark(): Promise<void> {
  console.log('Authenticated JSON read vs a bare fastify route (ratio = subject / reference)');
  await measure('pglite');
  await measure('postgres');
}
