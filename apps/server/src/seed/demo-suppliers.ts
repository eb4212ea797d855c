import { classifyEnterpriseScale } from '@zhengcai/domain';
import type { Tx } from '../db/client';
import { supplierQualifications } from '../db/schema';
import { writeProfile } from '../modules/suppliers/write-profile';
import type { ProfileInput } from '../modules/suppliers/schemas';
import type { Services } from '../services';

const WAN = 1_000_000;

/** Figures for the demo suppliers, chosen so the standard gives the scale each demo organisation lists. */
export const DEMO_SUPPLIER_PROFILES: Record<string, ProfileInput> = {
  s1: { industry: 'software-it-services', employees: 150, revenueFen: 2000 * WAN },
  s2: { industry: 'retail', employees: 30, revenueFen: 800 * WAN },
  s3: { industry: 'software-it-services', employees: 8, revenueFen: 120 * WAN },
  s4: { industry: 'construction', revenueFen: 90000 * WAN, assetsFen: 85000 * WAN },
  s5: { industry: 'property-management', employees: 150, revenueFen: 800 * WAN },
  s6: { industry: 'retail', employees: 4, revenueFen: 60 * WAN },
};

/** A stand-in scan: a one-page PDF header is enough for the demo's type check. */
const scan = (title: string) => Buffer.from(`%PDF-1.4\n% 演示扫描件：${title}\n`, 'utf8');

/**
 * Each demo supplier gets its profile, SME declaration, a business licence (permanent) and an ISO 9001 certificate;
 * the first two suppliers' ISO 9001 certificates have expired, so the demo shows an expired qualification.
 */
export async function seedSupplierFiles(
  tx: Tx,
  s: Services,
  suppliers: { key: string; organisationId: string; name: string; uscc: string | null; userId: string }[],
): Promise<void> {
  for (const [i, sup] of suppliers.entries()) {
    const profile = DEMO_SUPPLIER_PROFILES[sup.key];
    if (!profile) continue;
    const derived = classifyEnterpriseScale(profile);
    if (!derived.ok) throw new Error(`demo profile of ${sup.key}: ${derived.message.en}`);
    await writeProfile(tx, s.clock, {
      organisationId: sup.organisationId,
      organisationName: sup.name,
      userId: sup.userId,
      profile,
      declaration: { declaredScale: derived.scale, confirmed: true },
      afterApproval: false,
    });
    const quals = [
      {
        kind: 'business-licence',
        title: '营业执照',
        number: sup.uscc ?? '—',
        issuer: '六盘水市市场监督管理局',
        validFrom: '2018-05-01',
        validUntil: null,
      },
      {
        kind: 'iso9001',
        title: 'ISO 9001 质量管理体系认证证书',
        number: `00123Q${String(20000 + i)}R1M`,
        issuer: '中国质量认证中心',
        validFrom: i < 2 ? '2022-01-10' : '2025-01-10',
        validUntil: i < 2 ? '2025-01-09' : '2028-01-09',
      },
    ];
    for (const q of quals) {
      const file = await s.blobs.put(scan(q.title));
      await tx.insert(supplierQualifications).values({
        organisationId: sup.organisationId,
        ...q,
        fileHash: file.hash,
        fileName: `${q.title}.pdf`,
        fileType: 'application/pdf',
        fileSize: file.size,
        addedAt: s.clock.now(),
        addedBy: sup.userId,
      });
    }
  }
}
