import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';

/**
 * Distinguished names of Zhengcai certificates (RFC 5280 §4.1.2.4, UTF8String values):
 * - platform CA: CN = CA name;
 * - users: organizationIdentifier (2.5.4.97, the organisation id, omitted for experts), OU = role,
 *   UID (0.9.2342.19200300.100.1.1) = user id, CN = display name.
 */
export const OID_COMMON_NAME = '2.5.4.3';
export const OID_ORGANISATIONAL_UNIT = '2.5.4.11';
export const OID_ORGANISATION_IDENTIFIER = '2.5.4.97';
export const OID_USER_ID = '0.9.2342.19200300.100.1.1';

export interface CertificateSubject {
  userId: string;
  /** Null for experts, who belong to no organisation. */
  organisationId: string | null;
  name: string;
  /** A role from @zhengcai/domain ROLES (supplier, expert…). */
  role: string;
}

function rdn(type: string, text: string): RelativeDistinguishedName {
  return new RelativeDistinguishedName([
    new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: text }) }),
  ]);
}

export function caName(commonName: string): Name {
  return new Name([rdn(OID_COMMON_NAME, commonName)]);
}

export function subjectName(subject: CertificateSubject): Name {
  const rdns = [
    ...(subject.organisationId === null ? [] : [rdn(OID_ORGANISATION_IDENTIFIER, subject.organisationId)]),
    rdn(OID_ORGANISATIONAL_UNIT, subject.role),
    rdn(OID_USER_ID, subject.userId),
    rdn(OID_COMMON_NAME, subject.name),
  ];
  return new Name(rdns);
}

/** Single-valued attributes by OID; a repeated attribute or a multi-valued RDN makes the name unreadable (null). */
export function nameAttributes(name: Name): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const set of name) {
    if (set.length !== 1) return null;
    const attribute = set[0];
    if (!attribute || out.has(attribute.type)) return null;
    out.set(attribute.type, attribute.value.toString());
  }
  return out;
}

export function readSubject(name: Name): CertificateSubject | null {
  const attributes = nameAttributes(name);
  if (!attributes) return null;
  const userId = attributes.get(OID_USER_ID);
  const role = attributes.get(OID_ORGANISATIONAL_UNIT);
  const commonName = attributes.get(OID_COMMON_NAME);
  if (!userId || !role || !commonName) return null;
  return { userId, organisationId: attributes.get(OID_ORGANISATION_IDENTIFIER) ?? null, name: commonName, role };
}
