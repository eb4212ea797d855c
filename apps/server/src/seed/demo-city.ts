import { eq } from 'drizzle-orm';
import { events, organisations, users } from '../db/schema';
import { hashPassword } from '../platform/auth/password';
import { appendEvent } from '../platform/events/append-event';
import type { Services } from '../services';
import { accountAudience } from '../modules/auth/audience';
import { seedSupplierFiles } from './demo-suppliers';
import { seedDemoExperts } from './demo-experts';
import { seedDemoProjects } from './demo-projects';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-city-data';

const SEED_LOCK_KEY = 7_326_002;

export interface SeedResult {
  created: boolean;
  users: DemoUser[];
  password: string;
}

/**
 * Seeds the demo city once: one transaction creates every organisation and account with their events and the
 * `platform.demo_seeded` marker, so a crash mid-seed leaves nothing and a second start finds the marker.
 */
export async function seedDemoCity(s: Services): Promise<SeedResult> {
  return s.database.withExclusiveLock(SEED_LOCK_KEY, async () => {
    const result = { users: DEMO_USERS, password: DEMO_PASSWORD };
    const [marker] = await s.db
      .select({ seq: events.seq })
      .from(events)
      .where(eq(events.type, 'platform.demo_seeded'))
      .limit(1);
    if (marker) {
      // Demo data added after a city was first seeded (projects, the expert pool) is seeded on the next start, once.
      await seedDemoExperts(s);
      await seedDemoProjects(s);
      return { created: false, ...result };
    }
    const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, s.config.scryptLogN)));
    await s.db.transaction(async (tx) => {
      const now = s.clock.now();
      const system = { userId: null, organisationId: null };
      const ids = new Map<string, string>();
      const supplierUsers = new Map<string, string>();
      for (const org of DEMO_ORGANISATIONS) {
        const [row] = await tx
          .insert(organisations)
          .values({
            kind: org.kind,
            name: org.name,
            uscc: org.uscc,
            scale: org.scale,
            region: org.region,
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: organisations.id });
        if (!row) throw new Error('insert returned nothing');
        ids.set(org.key, row.id);
        await appendEvent(tx, s.clock, {
          type: 'organisation.created',
          payload: { organisationId: row.id, name: org.name, kind: org.kind, uscc: org.uscc },
          actor: system,
          subject: { type: 'organisation', id: row.id },
          audience: { kind: 'organisation', organisationId: row.id },
        });
      }
      for (const [i, user] of DEMO_USERS.entries()) {
        const organisationId = user.organisation ? (ids.get(user.organisation) ?? null) : null;
        const [row] = await tx
          .insert(users)
          .values({
            login: user.login,
            displayName: user.displayName,
            role: user.role,
            organisationId,
            passwordHash: hashes[i] ?? '',
            status: 'active',
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
        if (!row) throw new Error('insert returned nothing');
        if (user.role === 'supplier' && user.organisation && !supplierUsers.has(user.organisation)) {
          supplierUsers.set(user.organisation, row.id);
        }
        await appendEvent(tx, s.clock, {
          type: 'user.created',
          payload: { userId: row.id, login: user.login, role: user.role, organisationId },
          actor: system,
          subject: { type: 'user', id: row.id },
          audience: accountAudience(organisationId),
        });
      }
      // Supplier profiles, SME declarations and qualifications (one expired), as their first users made them.
      await seedSupplierFiles(
        tx,
        s,
        DEMO_ORGANISATIONS.filter((o) => o.kind === 'supplier').map((o) => ({
          key: o.key,
          organisationId: ids.get(o.key) ?? '',
          name: o.name,
          uscc: o.uscc,
          userId: supplierUsers.get(o.key) ?? '',
        })),
      );
      await appendEvent(tx, s.clock, {
        type: 'platform.demo_seeded',
        payload: { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length },
        actor: system,
        subject: { type: 'platform', id: 'demo' },
        audience: { kind: 'public' },
      });
    });
    await seedDemoExperts(s);
    await seedDemoProjects(s);
    return { created: true, ...result };
  });
}
