import { ROLE_LABELS } from '@zhengcai/domain';
import type { SeedResult } from './demo-city';

/** Prints the demo logins at start (README command 1), so a newcomer can log in at once. */
export function printDemoLogins(seed: SeedResult): void {
  const expertLogins = seed.users.filter((u) => u.role === 'expert').map((u) => u.login);
  const experts = `${expertLogins[0] ?? ''} … ${expertLogins.at(-1) ?? ''}`;
  const lines = [
    '',
    `演示数据 / Demo city ${seed.created ? 'created' : 'already present'} — password for every account: ${seed.password}`,
    ...seed.users
      .filter((u, i, all) => u.role !== 'expert' || all.findIndex((x) => x.role === 'expert') === i)
      .map(
        (u) =>
          `  ${u.login.padEnd(12)} ${ROLE_LABELS[u.role].zh} / ${ROLE_LABELS[u.role].en}${u.role === 'expert' ? ` (${experts})` : ''}`,
      ),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
