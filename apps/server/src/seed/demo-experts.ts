import { eq, inArray } from 'drizzle-orm';
import { expertConflicts, expertProfiles, users } from '../db/schema';
import { hashPassword } from '../platform/auth/password';
import { appendEvent } from '../platform/events/append-event';
import type { Services } from '../services';
import { accountAudience } from '../modules/auth/audience';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-city-data';
import { DEMO_EXPERTS, type DemoExpert } from './demo-experts-data';

const SEED_LOCK_KEY = 7_326_004;

function employerOf(expert: DemoExpert): { name: string; uscc: string | null } {
  if ('name' in expert.employer) return { name: expert.employer.name, uscc: null };
  const { key } = expert.employer;
  const org = DEMO_ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`demo organisation ${key} missing`);
  return { name: org.name, uscc: org.uscc };
}

/**
 * The demo experts' accounts, profiles and declared conflicts, each written once: experts missing from a city seeded
 * before the pool grew are created, and an expert without a profile gets the demo one (an expert who edited theirs
 * keeps it). Every row has its event, as if the expert had entered it.
 */
export async function seedDemoExperts(s: Services): Promise<void> {
  await s.database.withExclusiveLock(SEED_LOCK_KEY, async () => {
    const logins = DEMO_EXPERTS.map((e) => e.login);
    const existing = await s.db.select().from(users).where(inArray(users.login, logins));
    const profiled = new Set(
      (await s.db.select({ userId: expertProfiles.userId }).from(expertProfiles)).map((r) => r.userId),
    );
    const missing = DEMO_EXPERTS.filter((e) => !existing.some((u) => u.login === e.login));
    if (missing.length === 0 && existing.every((u) => profiled.has(u.id))) return;
    const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD, s.config.scryptLogN)));
    await s.db.transaction(async (tx) => {
      const now = s.clock.now();
      const ids = new Map(existing.map((u) => [u.login, u.id]));
      for (const [i, expert] of missing.entries()) {
        const [row] = await tx
          .insert(users)
          .values({
            login: expert.login,
            displayName: expert.name,
            role: 'expert',
            organisationId: null,
            passwordHash: hashes[i] ?? '',
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
        if (!row) throw new Error('insert returned nothing');
        ids.set(expert.login, row.id);
        await appendEvent(tx, s.clock, {
          type: 'user.created',
          payload: { userId: row.id, login: expert.login, role: 'expert', organisationId: null },
          actor: { userId: null, organisationId: null },
          subject: { type: 'user', id: row.id },
          audience: accountAudience(null),
        });
      }
      for (const expert of DEMO_EXPERTS) {
        const userId = ids.get(expert.login);
        if (!userId || profiled.has(userId)) continue;
        const actor = { userId, organisationId: null };
        const employer = employerOf(expert);
        const profile = {
          userId,
          title: expert.title,
          employerName: employer.name,
          employerUscc: employer.uscc,
          region: expert.region,
          specialties: expert.specialties,
        };
        await tx.insert(expertProfiles).values({ ...profile, updatedAt: now });
        await appendEvent(tx, s.clock, {
          type: 'expert.profile_updated',
          payload: profile,
          actor,
          subject: { type: 'user', id: userId },
          audience: { kind: 'oversight' },
        });
        const declared = await tx.select().from(expertConflicts).where(eq(expertConflicts.expertUserId, userId));
        if (declared.length > 0) continue;
        for (const conflict of expert.conflicts ?? []) {
          const org = employerOf({ ...expert, employer: { key: conflict.key } });
          const [row] = await tx
            .insert(expertConflicts)
            .values({
              expertUserId: userId,
              organisationName: org.name,
              organisationUscc: org.uscc,
              reason: conflict.reason,
              declaredAt: now,
            })
            .returning();
          if (!row) throw new Error('insert returned nothing');
          await appendEvent(tx, s.clock, {
            type: 'expert.conflict_declared',
            payload: {
              conflictId: row.id,
              userId,
              organisationName: row.organisationName,
              organisationUscc: row.organisationUscc,
              reason: row.reason,
            },
            actor,
            subject: { type: 'user', id: userId },
            audience: { kind: 'oversight' },
          });
        }
      }
    });
  });
}
