import type { Role } from '@zhengcai/domain';
import type { z } from 'zod';
import type { UserViewer } from '../../platform/policy/actor';
import { certificateAbilities } from './policy';
import type { CertificateRow, HolderRow } from './repo';
import type { bundleView, certificateView, statusView } from './schemas';
import { certificateStatus } from './status';

type Bundle = z.infer<typeof bundleView>;

const presentCertificate = (row: CertificateRow): z.infer<typeof certificateView> => ({
  id: row.id,
  usage: row.usage,
  serial: row.serial,
  fingerprint: row.fingerprint,
  subject: row.subject,
  publicKey: row.publicKey,
});

/**
 * Bundles (a signing and an encryption certificate issued together) from rows ordered newest first. `current` marks,
 * per user, the newest bundle whose two certificates are both usable — the same rule as findUsableCertificates.
 */
export function presentBundles(viewer: UserViewer, rows: HolderRow[], now: Date): Bundle[] {
  const byBundle = new Map<string, HolderRow[]>();
  for (const row of rows) {
    const list = byBundle.get(row.certificate.bundleId) ?? [];
    list.push(row);
    byBundle.set(row.certificate.bundleId, list);
  }
  const currentOf = new Map<string, string>();
  const out: Bundle[] = [];
  for (const [bundleId, list] of byBundle) {
    const signing = list.find((r) => r.certificate.usage === 'signing');
    const encryption = list.find((r) => r.certificate.usage === 'encryption');
    if (!signing || !encryption) continue;
    const s = signing.certificate;
    const statuses = [certificateStatus(s, now), certificateStatus(encryption.certificate, now)];
    const status = statuses.includes('revoked') ? 'revoked' : (statuses.find((x) => x !== 'valid') ?? 'valid');
    if (status === 'valid' && !currentOf.has(s.userId)) currentOf.set(s.userId, bundleId);
    const revokedAt = s.revokedAt ?? encryption.certificate.revokedAt;
    out.push({
      bundleId,
      suite: s.suite,
      status,
      current: currentOf.get(s.userId) === bundleId,
      issuedAt: s.issuedAt.toISOString(),
      notBefore: s.notBefore.toISOString(),
      notAfter: s.notAfter.toISOString(),
      revokedAt: revokedAt?.toISOString() ?? null,
      revocationReason: s.revocationReason ?? encryption.certificate.revocationReason,
      signing: presentCertificate(s),
      encryption: presentCertificate(encryption.certificate),
      holder: {
        userId: s.userId,
        login: signing.login,
        displayName: signing.displayName,
        role: signing.role as Role,
        organisationName: signing.organisationName,
      },
      abilities: { revoke: status !== 'revoked' && certificateAbilities(viewer, s.userId).revoke },
    });
  }
  return out;
}

export function presentStatus(row: CertificateRow, now: Date): z.infer<typeof statusView> {
  return {
    serial: row.serial,
    fingerprint: row.fingerprint,
    suite: row.suite,
    usage: row.usage,
    status: certificateStatus(row, now),
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
    checkedAt: now.toISOString(),
  };
}
