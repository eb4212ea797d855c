import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ECParameters, id_ecPublicKey, id_ecdsaWithSHA256, id_secp256r1 } from '@peculiar/asn1-ecc';
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity as X509Validity,
  Version,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  type Name,
} from '@peculiar/asn1-x509';
import { fromHex, isHex, randomBytes, toHex } from './bytes';
import { derPositiveInteger, fromDerPositiveInteger, signatureToDer, toPem } from './der';
import { SealError } from './errors';
import { getSuite, type KeyPair, type Suite } from './suite';
import { caName, subjectName, type CertificateSubject } from './x509-name';

/**
 * X.509 v3 certificates (RFC 5280) for BOTH suites, built with @peculiar/asn1-x509 (ASN.1 schema only; the
 * signature is made by the suite, so SM2 needs no WebCrypto provider):
 * - `intl`: ECDSA P-256 keys (id-ecPublicKey + prime256v1, RFC 5480) signed ecdsa-with-SHA256 (RFC 5758 §3.2);
 * - `gm`: SM2 keys (id-ecPublicKey + sm2p256v1 1.2.156.10197.1.301) signed SM2-with-SM3 (1.2.156.10197.1.501),
 *   e = SM3(Z_A ‖ DER(TBSCertificate)) with the CA's default user id, as GM/T 0015-2012 / GB/T 20518-2018 and
 *   OpenSSL 3 do. Signature algorithm parameters are absent in both suites; the signature value is the DER
 *   SEQUENCE { r, s }.
 * Revocation is a server concern (a list), not here. Reading and verifying: certificate-read.ts.
 */
export const OID_SM2_CURVE = '1.2.156.10197.1.301';
export const OID_SM2_WITH_SM3 = '1.2.156.10197.1.501';

export const SIGNATURE_OID: Record<Suite, string> = { gm: OID_SM2_WITH_SM3, intl: id_ecdsaWithSHA256 };
export const CURVE_OID: Record<Suite, string> = { gm: OID_SM2_CURVE, intl: id_secp256r1 };

/** The platform CA: its suite, its name (CN) and its signing key pair. */
export interface CertificateAuthority {
  suite: Suite;
  name: string;
  keys: KeyPair;
}

export type CertificateUsage = 'signing' | 'encryption' | 'ca';

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

export interface IssuedCertificate {
  suite: Suite;
  pem: string;
  /** Hex digest of the DER (SM3 / SHA-256 by suite). */
  fingerprint: string;
  serial: string;
}

export interface CertificateInfo {
  suite: Suite;
  /** Lower-case hex without leading zeros. */
  serial: string;
  issuerName: string;
  /** Null for the CA's own certificate. */
  subject: CertificateSubject | null;
  publicKey: string;
  usage: CertificateUsage;
  notBefore: Date;
  notAfter: Date;
  fingerprint: string;
}

export type CertificateProblem = 'MALFORMED' | 'BAD_SIGNATURE' | 'NOT_YET_VALID' | 'EXPIRED';

export type CertificateVerification =
  { valid: true; certificate: CertificateInfo } | { valid: false; reason: CertificateProblem };

/** Key usage bits (RFC 5280 §4.2.1.3): SM2 encryption is public-key encryption (keyEncipherment, dataEncipherment), ECDH is keyAgreement (RFC 5480 §3). */
function keyUsageFlags(suite: Suite, usage: CertificateUsage): number {
  if (usage === 'ca') return KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign;
  if (usage === 'signing') return KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation;
  return suite === 'gm' ? KeyUsageFlags.keyEncipherment | KeyUsageFlags.dataEncipherment : KeyUsageFlags.keyAgreement;
}

export function usageFromFlags(flags: number): CertificateUsage | null {
  if (flags & KeyUsageFlags.keyCertSign) return 'ca';
  if (flags & KeyUsageFlags.digitalSignature) return 'signing';
  if (flags & (KeyUsageFlags.keyEncipherment | KeyUsageFlags.keyAgreement)) return 'encryption';
  return null;
}

/** RFC 7093 §2 method 1: the leftmost 160 bits of H(subjectPublicKey), H = SHA-256 (intl) or SM3 (gm). */
async function keyIdentifier(suite: Suite, publicKey: string): Promise<Uint8Array> {
  return (await getSuite(suite).hash(fromHex(publicKey))).slice(0, 20);
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

function ab(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

/** A random positive 127-bit serial number (RFC 5280 §4.1.2.2: unique per CA, at most 20 octets). */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return toHex(bytes);
}

function normaliseSerial(serial: string): Uint8Array {
  if (!isHex(serial) || serial.length === 0 || serial.length > 40 || /^0*$/.test(serial)) {
    throw new SealError('INVALID_ARGUMENT', 'serial must be 1–20 bytes of lower-case hex, not zero');
  }
  return derPositiveInteger(fromHex(serial));
}

function assertValidity(validity: Validity): void {
  const { notBefore, notAfter } = validity;
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime()) || notAfter <= notBefore) {
    throw new SealError('INVALID_ARGUMENT', 'validity must be two dates, notBefore < notAfter');
  }
}

async function sign(params: {
  ca: CertificateAuthority;
  subject: Name;
  publicKey: string;
  usage: CertificateUsage;
  validity: Validity;
  serial: string;
}): Promise<IssuedCertificate> {
  const { ca, usage } = params;
  const suite = getSuite(ca.suite);
  suite.assertPublicKey(params.publicKey);
  assertValidity(params.validity);
  if (suite.publicKeyOf(ca.keys.privateKey) !== ca.keys.publicKey) {
    throw new SealError('INVALID_KEY', 'CA public key does not belong to its private key');
  }
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: SIGNATURE_OID[ca.suite] });
  const extensions = new Extensions([
    extension(
      id_ce_basicConstraints,
      true,
      new BasicConstraints(usage === 'ca' ? { cA: true, pathLenConstraint: 0 } : {}),
    ),
    extension(id_ce_keyUsage, true, new KeyUsage(keyUsageFlags(ca.suite, usage))),
    extension(
      id_ce_subjectKeyIdentifier,
      false,
      new SubjectKeyIdentifier(ab(await keyIdentifier(ca.suite, params.publicKey))),
    ),
    extension(
      id_ce_authorityKeyIdentifier,
      false,
      new AuthorityKeyIdentifier({
        keyIdentifier: new KeyIdentifier(ab(await keyIdentifier(ca.suite, ca.keys.publicKey))),
      }),
    ),
  ]);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: ab(normaliseSerial(params.serial)),
    signature: signatureAlgorithm,
    issuer: caName(ca.name),
    validity: new X509Validity({ notBefore: params.validity.notBefore, notAfter: params.validity.notAfter }),
    subject: params.subject,
    subjectPublicKeyInfo: new SubjectPublicKeyInfo({
      algorithm: new AlgorithmIdentifier({
        algorithm: id_ecPublicKey,
        parameters: AsnConvert.serialize(new ECParameters({ namedCurve: CURVE_OID[ca.suite] })),
      }),
      subjectPublicKey: ab(fromHex(params.publicKey)),
    }),
    extensions,
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signature = signatureToDer(await suite.sign(ca.keys.privateKey, tbsDer));
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm, signatureValue: ab(signature) });
  const der = new Uint8Array(AsnConvert.serialize(certificate));
  return {
    suite: ca.suite,
    pem: toPem(der),
    fingerprint: toHex(await suite.hash(der)),
    serial: toHex(fromDerPositiveInteger(normaliseSerial(params.serial)) ?? new Uint8Array(0)),
  };
}

/** The platform CA's self-signed root (basicConstraints cA, pathLen 0; keyCertSign + cRLSign). */
export async function createCaCertificate(params: {
  ca: CertificateAuthority;
  validity: Validity;
  serial: string;
}): Promise<IssuedCertificate> {
  return sign({ ...params, subject: caName(params.ca.name), publicKey: params.ca.keys.publicKey, usage: 'ca' });
}

/** Certifies a user's signing or encryption public key (generated on their device; the private key stays there). */
export async function issueCertificate(params: {
  ca: CertificateAuthority;
  subject: CertificateSubject;
  publicKey: string;
  usage: 'signing' | 'encryption';
  validity: Validity;
  serial: string;
}): Promise<IssuedCertificate> {
  const { subject } = params;
  const fields = [subject.userId, subject.name, subject.role, subject.organisationId ?? 'none'];
  if (fields.some((f) => typeof f !== 'string' || f.length === 0 || f.length > 200)) {
    throw new SealError('INVALID_ARGUMENT', 'subject fields must be non-empty strings');
  }
  return sign({ ...params, subject: subjectName(subject) });
}
