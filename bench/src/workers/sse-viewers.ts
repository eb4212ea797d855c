import { request, type ClientRequest } from 'node:http';

/**
 * SSE viewers for bench/src/hall-sse.bench.ts, in their own process so that reading 2,000 streams does not take
 * the server's thread: opens `count` streams to `url` (node:http, one socket each), records for every event id the
 * instant each stream received it (wall clock, sub-millisecond, comparable with the server's), tells the benchmark
 * when all streams have an id, and hands the samples over on `collect`.
 *
 * Messages in: { type: 'connect', url, count } | { type: 'collect' } | { type: 'close' }.
 * Out: { type: 'connected', ms } | { type: 'complete', id } | { type: 'samples', received, payloads, cpuMs } |
 * { type: 'error', message }.
 */
const now = () => performance.timeOrigin + performance.now();
const requests: ClientRequest[] = [];
const received = new Map<string, number[]>();
/** The data line of each event as the first stream got it (the reference replays the same payloads). */
const payloads = new Map<string, string>();
let expected = 0;
let cpuStart = process.cpuUsage();

function send(message: unknown) {
  process.send?.(message);
}

function open(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`HTTP ${res.statusCode ?? '?'} from ${url}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (text: string) => {
        const at = now();
        buffer += text;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!ready && frame.startsWith('retry:')) {
            ready = true;
            resolve();
            continue;
          }
          const id = /^id: (.+)$/m.exec(frame)?.[1];
          if (!id) continue;
          let times = received.get(id);
          if (!times) {
            times = [];
            received.set(id, times);
            payloads.set(id, /^data: (.*)$/m.exec(frame)?.[1] ?? '');
          }
          times.push(at);
          if (times.length === expected) send({ type: 'complete', id });
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', reject);
    req.end();
    requests.push(req);
  });
}

process.on('message', (message: { type: string; url?: string; count?: number }) => {
  if (message.type === 'connect' && message.url && message.count) {
    const { url, count } = message;
    expected = count;
    const started = now();
    void (async () => {
      // 50 connection attempts at a time: the server's accept backlog is finite.
      for (let i = 0; i < count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => open(url)));
      }
      cpuStart = process.cpuUsage();
      send({ type: 'connected', ms: now() - started });
    })().catch((error: unknown) => send({ type: 'error', message: String(error) }));
  } else if (message.type === 'collect') {
    const cpu = process.cpuUsage(cpuStart);
    send({
      type: 'samples',
      received: Object.fromEntries(received),
      payloads: Object.fromEntries(payloads),
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  } else if (message.type === 'close') {
    for (const req of requests) req.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
