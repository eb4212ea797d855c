import type { z } from 'zod';
import type { MemberRow } from './record-bid';
import type { memberView } from './schemas';

/** A consortium party as the API shows it (never its signature bytes: they stay evidence on the server). */
export function presentMember(m: MemberRow): z.infer<typeof memberView> {
  return {
    organisationId: m.organisationId,
    name: m.name,
    uscc: m.uscc,
    role: m.role,
    shareBasisPoints: m.shareBasisPoints,
    scale: m.scale,
    signedAt: m.signedAt?.toISOString() ?? null,
    declinedAt: m.declinedAt?.toISOString() ?? null,
    declineReason: m.declineReason,
  };
}
