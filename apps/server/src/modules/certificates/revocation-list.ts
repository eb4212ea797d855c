import { canonicalBytes, getSuite } from '@zhengcai/seal';
import type { z } from 'zod';
import type { Services } from '../../services';
import { revokedCertificates } from './repo';
import type { revocationListView } from './schemas';

export const REVOCATION_LIST_TYPE = 'zhengcai-revocation-list';

/**
 * The revocation list (a CRL in JSON): every revoked serial with its time and reason, signed by the platform CA over
 * the RFC 8785 canonical JSON of the other fields, so a copy kept elsewhere can be checked against the CA certificate
 * (GET /api/certificates/ca). `type` keeps this statement apart from anything else the CA key signs.
 */
export async function revocationList(s: Services): Promise<z.infer<typeof revocationListView>> {
  const keys = await s.platformKeys.get();
  const rows = await revokedCertificates(s.db);
  const body = {
    type: REVOCATION_LIST_TYPE,
    version: 1 as const,
    issuer: keys.ca.name,
    issuerFingerprint: keys.caCertificate.fingerprint,
    suite: keys.suite,
    thisUpdate: s.clock.now().toISOString(),
    entries: rows.map((r) => ({
      serial: r.serial,
      revokedAt: r.revokedAt?.toISOString() ?? '',
      reason: r.revocationReason ?? 'unspecified',
    })),
  };
  const signature = await getSuite(keys.suite).sign(keys.ca.keys.privateKey, canonicalBytes(body));
  return { ...body, type: REVOCATION_LIST_TYPE, signature };
}
