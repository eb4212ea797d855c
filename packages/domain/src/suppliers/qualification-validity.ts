import { beijingDateOf, compareIsoDates, type Instant, type IsoDate } from '../calendar/civil-date';

export type QualificationValidity = 'permanent' | 'valid' | 'not-yet-valid' | 'expired';

/**
 * Whether a qualification (资质证书) is in force on the Beijing date of `now`. A certificate is valid through the last
 * day printed on it (有效期至 2026年3月1日 means in force all of that day); no expiry date means 长期有效.
 */
export function qualificationValidity(
  validFrom: IsoDate | null,
  validUntil: IsoDate | null,
  now: Instant,
): QualificationValidity {
  const today = beijingDateOf(now);
  if (validFrom !== null && compareIsoDates(today, validFrom) < 0) return 'not-yet-valid';
  if (validUntil === null) return 'permanent';
  return compareIsoDates(today, validUntil) > 0 ? 'expired' : 'valid';
}
