import { buildUscc } from '@zhengcai/domain';
import { and, eq } from 'drizzle-orm';
import { lots } from '../../../apps/server/src/db/schema';
import { supplierSignUpBody } from '../../../apps/server/src/modules/registry/schemas';
import { signUpSupplier } from '../../../apps/server/src/modules/registry/sign-up-supplier';
import { seedDemoCity } from '../../../apps/server/src/seed/demo-city';
import { DEMO_PASSWORD } from '../../../apps/server/src/seed/demo-city-data';
import { DEMO_TENDERS, seedDemoTenders } from '../../../apps/server/src/seed/demo-tenders';
import { OffsetClock } from '../harness/offset-clock';
import { serveZhengcai } from './zhengcai-common';

const BIDDER_PASSWORD = 'Bench-Bidder-2026';
const WAN = 1_000_000; // 万元 in fen

/**
 * The server for the bid benchmarks: the real app as `npm start` runs it — job runner and live hub started, the demo
 * city and its two published tenders seeded (main.ts) — with CRYPTO_SUITE = BENCH_SUITE (gm by default).
 * BENCH_SIGN_UPS suppliers have signed up through the registry's own use case (`signUpSupplier`, body checked by its
 * route schema): they are pending until the benchmark approves them as `centre` over HTTP. The use case is called
 * here rather than over HTTP only because the sign-up route allows 30 per client address and minute, and every
 * benchmark client comes from 127.0.0.1. Login limits are raised for the same reason (LOGIN_RATE_PER_MINUTE).
 *
 * Facts: the tender and lot to bid on (ZC-2026-LPS-0001, lot 1, deadline 25 days ahead), the bidders' logins and
 * password, and the centre login that approves them.
 */
serveZhengcai(
  { CRYPTO_SUITE: process.env.BENCH_SUITE ?? 'gm', LOGIN_RATE_PER_MINUTE: '10000', SEED_DEMO: 'true' },
  async ({ services }) => {
    await seedDemoCity(services);
    await seedDemoTenders(services);
    const projectId = DEMO_TENDERS.early.id;
    const [lot] = await services.db
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.projectId, projectId), eq(lots.number, 1)));
    if (!lot) throw new Error('demo tender has no lot 1');
    const count = Number(process.env.BENCH_SIGN_UPS ?? '1');
    const logins: string[] = [];
    for (let i = 0; i < count; i++) {
      const login = `bench-bidder-${String(i + 1).padStart(3, '0')}`;
      const body = supplierSignUpBody.parse({
        organisation: {
          name: `六盘水市基准投标${i + 1}号科技有限公司`,
          uscc: buildUscc('91', '520201', `MB${String(i).padStart(6, '0')}`),
        },
        profile: { industry: 'software-it-services', employees: 50, revenueFen: 600 * WAN },
        declaration: { declaredScale: 'small', confirmed: true },
        user: {
          login,
          displayName: `投标人${i + 1}`,
          password: BIDDER_PASSWORD,
          email: `${login}@example.cn`,
          phone: '13985812345',
        },
      });
      await signUpSupplier(services, body);
      logins.push(login);
    }
    return {
      projectId,
      lotId: lot.id,
      bidders: logins.join(','),
      bidderPassword: BIDDER_PASSWORD,
      centreLogin: 'centre',
      centrePassword: DEMO_PASSWORD,
      suite: services.config.cryptoSuite,
    };
  },
  {
    startBackground: true,
    // BENCH_MOVABLE_CLOCK=1: the opening benchmark moves time past the bid deadline (harness/offset-clock.ts).
    ...(process.env.BENCH_MOVABLE_CLOCK === '1' ? { clock: new OffsetClock() } : {}),
  },
);
