import { normaliseUscc } from '../uscc';

/** An organisation as the draw record holds it: normalised name, normalised USCC or null. (A type alias, so that
 * it is a canonical JSON object.) */
export type OrganisationKey = {
  name: string;
  uscc: string | null;
};

/**
 * Normalises an organisation name for comparison: Unicode NFKC (full-width letters, digits and brackets become
 * their ASCII forms: "（" → "("), every white space removed, Latin letters lower-cased. It does not guess at
 * abbreviations ("有限公司" vs "有限责任公司"): such names differ, and the USCC is the reliable key.
 */
export function normaliseOrganisationName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** Region names are compared the same way: "六盘水市" with or without stray spaces. */
export function normaliseRegion(region: string): string {
  return region.normalize('NFKC').replace(/\s+/gu, '');
}

export function organisationKey(name: string, uscc: string | null): OrganisationKey {
  const code = uscc === null ? '' : normaliseUscc(uscc);
  return { name: normaliseOrganisationName(name), uscc: code === '' ? null : code };
}

/**
 * The same organisation: by USCC when both sides carry one (the code identifies the organisation, names are not
 * unique across regions), otherwise by normalised name.
 */
export function sameOrganisation(a: OrganisationKey, b: OrganisationKey): boolean {
  if (a.uscc !== null && b.uscc !== null) return a.uscc === b.uscc;
  return a.name === b.name;
}
