import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, lots, projects } from '../src/db/schema';
import { parseRange } from '../src/modules/recordings/stream-recording';
import { MAX_CHUNK_BYTES } from '../src/modules/recordings/schemas';
import { errorSchema } from '../src/platform/http/responses';
import { takeSnapshot } from './support/db-snapshot';
import { publishedProject } from './support/published-project';
import { createTestApp, makeOrganisation, sessionAs, type Session, type TestApp } from './support/test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MIME = 'video/webm;codecs=vp8,opus';

interface RecordingJson {
  id: string;
  lotId: string;
  subject: string;
  state: 'recording' | 'stopped';
  chunkCount: number;
  totalBytes: number;
  mediaUrl: string;
  hostName: string;
}

describe('opening recordings: host uploads chunks in order, oversight plays them back', () => {
  let t: TestApp;
  let agencyOrg: string;
  let purchaserOrg: string;
  let host: Session;
  let colleague: Session;
  let purchaser: Session;
  let otherAgency: Session;
  let supervisor: Session;
  let centre: Session;
  let supplier: Session;
  let lotId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '10000' });
    agencyOrg = (await makeOrganisation(t, 'agency')).id;
    purchaserOrg = (await makeOrganisation(t, 'purchaser')).id;
    const { project } = await publishedProject(t, {
      agencyOrganisationId: agencyOrg,
      purchaserOrganisationId: purchaserOrg,
    });
    const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, project.id));
    if (!lot) throw new Error('no lot');
    lotId = lot.id;
    host = await sessionAs(t, 'agency', { organisationId: agencyOrg });
    colleague = await sessionAs(t, 'agency', { organisationId: agencyOrg });
    purchaser = await sessionAs(t, 'purchaser', { organisationId: purchaserOrg });
    otherAgency = await sessionAs(t, 'agency');
    supervisor = await sessionAs(t, 'supervisor');
    centre = await sessionAs(t, 'centre');
    supplier = await sessionAs(t, 'supplier');
  });
  afterAll(() => t.close());

  const start = (as: Session, lot = lotId, mimeType = MIME) =>
    as.inject({ method: 'POST', url: '/api/recordings', payload: { lotId: lot, mimeType } });
  const put = (as: Session, id: string, seq: number | string, bytes: Buffer) =>
    as.inject({
      method: 'PUT',
      url: `/api/recordings/${id}/chunks/${seq}`,
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const chunkEvents = async (recordingId: string) =>
    (
      await t.services.db
        .select()
        .from(events)
        .where(and(eq(events.type, 'opening.recording_chunk'), eq(events.subjectId, lotId)))
        .orderBy(asc(events.seq))
    ).filter((e) => (e.payload as { recordingId: string }).recordingId === recordingId);

  /** A refused call answers the code and changes nothing in the database. */
  async function refused(
    call: () => Promise<{ statusCode: number; body: string; json: () => unknown }>,
    status: number,
    code: string,
  ) {
    t.clock.advance(1_000);
    const before = await takeSnapshot(t.services.db);
    const res = await call();
    expect(res.statusCode, res.body).toBe(status);
    const { error } = errorSchema.parse(res.json());
    expect(error.code).toBe(code);
    expect(error.message.zh).not.toBe(error.message.en);
    expect(await takeSnapshot(t.services.db)).toEqual(before);
    return error;
  }

  it('records chunks in order with each hash in the event log, and plays the concatenation back', async () => {
    const started = await start(host);
    expect(started.statusCode, started.body).toBe(201);
    const rec = started.json<RecordingJson>();
    expect(rec).toMatchObject({ lotId, subject: `opening:${lotId}`, state: 'recording', chunkCount: 0 });

    const chunks = [randomBytes(3000), randomBytes(5000), randomBytes(1234)];
    for (const [seq, bytes] of chunks.entries()) {
      const res = await put(host, rec.id, seq, bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        chunk: { seq, sha256: sha256(bytes), size: bytes.length },
        chunkCount: seq + 1,
      });
      expect(await t.services.blobs.has(sha256(bytes))).toBe(true);
    }
    const logged = await chunkEvents(rec.id);
    expect(logged.map((e) => e.payload)).toEqual(
      chunks.map((b, seq) => ({ recordingId: rec.id, lotId, seq, sha256: sha256(b), size: b.length })),
    );
    expect(logged.every((e) => e.audience === 'oversight' && e.subjectType === 'opening')).toBe(true);

    // A lost answer: the same bytes again are answered as before, with no second event.
    const again = await put(host, rec.id, 1, chunks[1] as Buffer);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ chunk: { seq: 1, eventSeq: logged[1]?.seq }, chunkCount: 3 });
    expect(await chunkEvents(rec.id)).toHaveLength(3);

    const stopped = await host.inject({ method: 'POST', url: `/api/recordings/${rec.id}/stop` });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ state: 'stopped', chunkCount: 3, totalBytes: 9234 });
    // Stopping twice answers the same, without a second event.
    expect((await host.inject({ method: 'POST', url: `/api/recordings/${rec.id}/stop` })).statusCode).toBe(200);
    const stops = await t.services.db.select().from(events).where(eq(events.type, 'opening.recording_stopped'));
    expect(stops.filter((e) => (e.payload as { recordingId: string }).recordingId === rec.id)).toHaveLength(1);

    const whole = Buffer.concat(chunks);
    for (const watcher of [supervisor, centre]) {
      const list = await watcher.inject({ method: 'GET', url: `/api/recordings?lotId=${lotId}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<{ items: RecordingJson[] }>().items.map((r) => r.id)).toContain(rec.id);
      const detail = await watcher.inject({ method: 'GET', url: `/api/recordings/${rec.id}` });
      const listed = detail.json<{ chunks: { seq: number; sha256: string; size: number; eventSeq: number }[] }>();
      expect(listed.chunks.map(({ seq, sha256, size, eventSeq }) => ({ seq, sha256, size, eventSeq }))).toEqual(
        chunks.map((b, seq) => ({ seq, sha256: sha256(b), size: b.length, eventSeq: logged[seq]?.seq })),
      );
      const media = await watcher.inject({ method: 'GET', url: rec.mediaUrl });
      expect(media.statusCode).toBe(200);
      expect(media.headers['content-type']).toBe(MIME);
      expect(media.headers['content-length']).toBe(String(whole.length));
      expect(media.rawPayload.equals(whole)).toBe(true);
    }

    // A range across the chunk boundaries, an open-ended one, a suffix.
    for (const [header, from, to] of [
      ['bytes=2990-8010', 2990, 8010],
      ['bytes=8000-', 8000, whole.length - 1],
      ['bytes=-100', whole.length - 100, whole.length - 1],
    ] as const) {
      const part = await supervisor.inject({ method: 'GET', url: rec.mediaUrl, headers: { range: header } });
      expect(part.statusCode, header).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${from}-${to}/${whole.length}`);
      expect(part.rawPayload.equals(whole.subarray(from, to + 1)), header).toBe(true);
    }
  });

  it('refuses a chunk out of order, different bytes for a stored chunk, and new chunks after stop', async () => {
    const rec = (await start(host)).json<RecordingJson>();
    const first = randomBytes(100);
    expect((await put(host, rec.id, 0, first)).statusCode).toBe(200);
    const error = await refused(() => put(host, rec.id, 2, randomBytes(10)), 409, 'RECORDING_CHUNK_OUT_OF_ORDER');
    expect(error.message.en).toContain('the next is 1');
    await refused(() => put(host, rec.id, 0, randomBytes(100)), 409, 'RECORDING_CHUNK_CONFLICT');
    await refused(() => put(host, rec.id, 1, Buffer.alloc(0)), 400, 'VALIDATION_FAILED');
    await refused(() => put(host, rec.id, 1, Buffer.alloc(MAX_CHUNK_BYTES + 1)), 413, 'PAYLOAD_TOO_LARGE');
    await refused(
      () =>
        host.inject({
          method: 'PUT',
          url: `/api/recordings/${rec.id}/chunks/1`,
          payload: 'abc',
          headers: { 'content-type': 'video/webm' },
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await host.inject({ method: 'POST', url: `/api/recordings/${rec.id}/stop` });
    await refused(() => put(host, rec.id, 1, randomBytes(10)), 409, 'RECORDING_STOPPED');
    // The stored chunk may still be re-sent (its answer was lost before the stop).
    expect((await put(host, rec.id, 0, first)).statusCode).toBe(200);
  });

  it('only the host records: the purchaser (the project has an agency), another agency, a colleague’s recording', async () => {
    await refused(() => start(purchaser), 403, 'HALL_ROLE_REQUIRED');
    await refused(() => start(otherAgency), 403, 'HALL_ROLE_REQUIRED');
    await refused(() => start(supplier), 403, 'FORBIDDEN');
    await refused(() => start(supervisor), 403, 'FORBIDDEN');
    await refused(() => start(host, '7d2c5a0e-3b1f-4c8e-9a6d-2f4b8c1e0a93'), 404, 'NOT_FOUND');
    await refused(() => start(host, lotId, 'text/html'), 400, 'VALIDATION_FAILED');
    const rec = (await start(host)).json<RecordingJson>();
    await refused(() => put(colleague, rec.id, 0, randomBytes(10)), 404, 'NOT_FOUND');
    await refused(() => colleague.inject({ method: 'POST', url: `/api/recordings/${rec.id}/stop` }), 404, 'NOT_FOUND');
  });

  it('a project without an agency is hosted by its purchaser; a draft project has no opening', async () => {
    const ownOrg = (await makeOrganisation(t, 'purchaser')).id;
    const own = await sessionAs(t, 'purchaser', { organisationId: ownOrg });
    const { project } = await publishedProject(t, { purchaserOrganisationId: ownOrg, agencyOrganisationId: null });
    const [lot] = await t.services.db.select().from(lots).where(eq(lots.projectId, project.id));
    if (!lot) throw new Error('no lot');
    expect((await start(own, lot.id)).statusCode).toBe(201);
    await refused(() => start(otherAgency, lot.id), 403, 'HALL_ROLE_REQUIRED');
    await t.services.db.update(projects).set({ status: 'draft' }).where(eq(projects.id, project.id));
    await refused(() => start(own, lot.id), 404, 'NOT_FOUND');
  });

  it('playback is for oversight only: everyone else, the host included, is told "not found"', async () => {
    const rec = (await start(host)).json<RecordingJson>();
    await put(host, rec.id, 0, randomBytes(50));
    for (const as of [host, purchaser, supplier]) {
      await refused(() => as.inject({ method: 'GET', url: `/api/recordings?lotId=${lotId}` }), 404, 'NOT_FOUND');
      await refused(() => as.inject({ method: 'GET', url: `/api/recordings/${rec.id}` }), 404, 'NOT_FOUND');
      await refused(() => as.inject({ method: 'GET', url: rec.mediaUrl }), 404, 'NOT_FOUND');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: rec.mediaUrl });
    expect(anonymous.statusCode).toBe(401);
    // The chunk events are not public: the event feed does not show them to anonymous callers.
    const feed = await t.app.inject({ method: 'GET', url: '/api/events?limit=500' });
    expect(feed.body).not.toContain('opening.recording_chunk');
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-200', 100, { start: 90, end: 99 }],
    ['bytes=50-', 100, { start: 50, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-1000', 100, { start: 0, end: 99 }],
    ['bytes=100-', 100, null],
    ['bytes=9-3', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
    ['bytes=0-0', 0, null],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
