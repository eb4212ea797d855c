import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toChineseCapital } from '@zhengcai/domain';
import { createKeyFile, serializeKeyFile, type PriceSheet } from '@zhengcai/seal';
import { eq } from 'drizzle-orm';
import { lots, users } from '../../apps/server/src/db/schema';
import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-city-data';
import { insertBundle } from '../../apps/server/test/support/certificates';
import { complete, sealForSubmission, startBid, tus } from '../../apps/server/test/support/bids';
import { logIn } from '../../apps/server/test/support/test-app';
import { ARTIFACTS } from './browser';
import type { InProcessServer } from './in-process-server';

/**
 * State a spec starts from, made through the server's own routes and the seal package, as the browsers would have
 * made it earlier in the procurement (the award journey clicks these stages; other specs start after them).
 */

/** A demo user's key pair and certificates, and the key file (with `password`) that their browser loads. */
export interface SeededKey {
  login: string;
  userId: string;
  organisationId: string | null;
  keyFile: string;
}

/**
 * Issues a certificate bundle to a demo user through the platform CA and writes the key file a person would have
 * downloaded when making it in the browser (数字证书), as `e2e/artifacts/<prefix>-<login>.key`.
 */
export async function seedKey(
  server: InProcessServer,
  login: string,
  password: string,
  prefix: string,
): Promise<SeededKey & { keys: Awaited<ReturnType<typeof insertBundle>>['keys'] }> {
  const [user] = await server.t.services.db.select().from(users).where(eq(users.login, login));
  if (!user) throw new Error(`no user ${login}`);
  const enrolled = await insertBundle(server.t, user);
  const file = await createKeyFile(enrolled.keys, password, {
    subject: { userId: user.id, login, organisationId: user.organisationId },
    createdAt: server.t.clock.now(),
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const keyFile = join(ARTIFACTS, `${prefix}-${login}.key`);
  writeFileSync(keyFile, serializeKeyFile(file));
  return { login, userId: user.id, organisationId: user.organisationId, keyFile, keys: enrolled.keys };
}

export interface SeededBid extends SeededKey {
  submissionId: string;
}

/**
 * Each supplier obtains the tender's documents and submits a bid on lot `lotNumber`, sealed for its own key and
 * signed with it exactly as the bid page does (sealForSubmission), uploaded through the resumable-upload route and
 * completed: the bids are `submitted` and receipted, and only the bidder's key opens them.
 */
export async function seedSealedBids(
  server: InProcessServer,
  projectId: string,
  bids: ReadonlyArray<{ login: string; priceFen: number; delivery: string }>,
  keyPassword: string,
  prefix: string,
  lotNumber = 1,
): Promise<SeededBid[]> {
  const [lot] = (await server.t.services.db.select().from(lots).where(eq(lots.projectId, projectId))).filter(
    (l) => l.number === lotNumber,
  );
  if (!lot) throw new Error(`no lot ${lotNumber} in ${projectId}`);
  const seeded: SeededBid[] = [];
  for (const bid of bids) {
    const key = await seedKey(server, bid.login, keyPassword, prefix);
    const session = await logIn(server.t.app, bid.login, DEMO_PASSWORD);
    const start = await startBid(session, projectId, lot.id);
    const sheet: PriceSheet = {
      lotId: lot.id,
      priceFen: bid.priceFen,
      priceInWords: toChineseCapital(bid.priceFen),
      deliveryPeriod: bid.delivery,
      fields: {},
    };
    const response = new TextEncoder().encode(`${bid.login} 技术响应文件\n`.repeat(40));
    const sealed = await sealForSubmission(start, key.keys, sheet, [{ name: '技术响应文件.txt', bytes: response }]);
    await tus.upload(session, start.submissionId, sealed.ciphertext);
    const done = await complete(session, start.submissionId, sealed.envelope);
    if (done.statusCode !== 200) throw new Error(`complete ${done.statusCode} ${done.body}`);
    seeded.push({
      login: key.login,
      userId: key.userId,
      organisationId: key.organisationId,
      keyFile: key.keyFile,
      submissionId: start.submissionId,
    });
  }
  return seeded;
}
