import { startChild, type ChildServer } from './child';
import { approvePendingSuppliers, logIn, readyBidder, type Bidder } from './bid-client';
import { inPool } from './timed';

export interface BidServer {
  server: ChildServer;
  base: string;
  projectId: string;
  lotId: string;
  suite: string;
  database: string;
  /** The bidders' password (to log in again). */
  bidderPassword: string;
  /** Approved suppliers, logged in, with certificates, documents obtained. */
  bidders: Bidder[];
}

/**
 * Starts the real app in a child process (servers/zhengcai-bids.ts: demo city seeded, `count` suppliers signed up)
 * and gets `count` bidders ready through the API: `centre` approves the registrations, then each supplier logs in,
 * enrols a certificate bundle (keys made with packages/seal) and obtains the tender's documents.
 */
export async function startBidServer(
  suite: string,
  count: number,
  env: Record<string, string> = {},
): Promise<BidServer> {
  const server = await startChild('zhengcai-bids', { ...env, BENCH_SUITE: suite, BENCH_SIGN_UPS: String(count) });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { facts } = server;
    const need = (key: string): string => {
      const value = facts[key];
      if (value === undefined) throw new Error(`zhengcai-bids did not report ${key}`);
      return value;
    };
    const centre = await logIn(base, need('centreLogin'), need('centrePassword'));
    const approved = await approvePendingSuppliers(centre);
    if (approved !== count) throw new Error(`approved ${approved} registrations, expected ${count}`);
    const projectId = need('projectId');
    const logins = need('bidders').split(',');
    const password = need('bidderPassword');
    const bidders = await inPool(logins, 4, (login) => readyBidder(base, login, password, projectId));
    return {
      server,
      base,
      projectId,
      bidderPassword: password,
      lotId: need('lotId'),
      suite: need('suite'),
      database: need('database'),
      bidders,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
