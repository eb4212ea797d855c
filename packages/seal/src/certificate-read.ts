import { AsnConvert } from '@peculiar/asn1-schema';
import { ECParameters, id_ecPublicKey, id_ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import { Certificate, KeyUsage, Version, id_ce_keyUsage } from '@peculiar/asn1-x509';
import { toHex } from './bytes';
import {
  CURVE_OID,
  OID_SM2_WITH_SM3,
  usageFromFlags,
  type CertificateInfo,
  type CertificateVerification,
} from './certificate';
import { fromDerPositiveInteger, fromPem, signatureFromDer } from './der';
import { SealError } from './errors';
import { getSuite, type Suite } from './suite';
import { nameAttributes, OID_COMMON_NAME, readSubject } from './x509-name';

/** Reading and verifying Zhengcai X.509 certificates of either suite (certificate.ts issues them). */
function toDer(certificate: string | Uint8Array): Uint8Array {
  return typeof certificate === 'string' ? fromPem(certificate) : certificate;
}

interface Parsed {
  info: CertificateInfo;
  tbs: Uint8Array;
  signature: string;
}

const malformed = (detail: string): SealError => new SealError('CERTIFICATE_MALFORMED', detail);

async function parse(certificate: string | Uint8Array): Promise<Parsed> {
  const der = toDer(certificate);
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch {
    throw malformed('not a DER X.509 certificate');
  }
  const tbs = cert.tbsCertificate;
  const algorithm = cert.signatureAlgorithm.algorithm;
  const suite: Suite | null = algorithm === OID_SM2_WITH_SM3 ? 'gm' : algorithm === id_ecdsaWithSHA256 ? 'intl' : null;
  if (!suite) throw malformed(`unsupported signature algorithm ${algorithm}`);
  // RFC 5280 §4.1.1.2: the outer and inner algorithm identifiers must be identical.
  if (
    tbs.signature.algorithm !== algorithm ||
    tbs.signature.parameters !== undefined ||
    cert.signatureAlgorithm.parameters !== undefined
  ) {
    throw malformed('signature algorithm identifiers differ or carry parameters');
  }
  if (tbs.version !== Version.v3 || !cert.tbsCertificateRaw) throw malformed('not a v3 certificate');
  const spki = tbs.subjectPublicKeyInfo;
  const curve = spki.algorithm.parameters
    ? AsnConvert.parse(spki.algorithm.parameters, ECParameters).namedCurve
    : undefined;
  if (spki.algorithm.algorithm !== id_ecPublicKey || curve !== CURVE_OID[suite])
    throw malformed('key is not on the suite curve');
  const publicKey = toHex(new Uint8Array(spki.subjectPublicKey));
  getSuite(suite).assertPublicKey(publicKey);

  const keyUsageExtension = tbs.extensions?.find((e) => e.extnID === id_ce_keyUsage);
  const usage = keyUsageExtension
    ? usageFromFlags(AsnConvert.parse(keyUsageExtension.extnValue.buffer, KeyUsage).toNumber())
    : null;
  if (!usage) throw malformed('no usable key usage');
  const issuer = nameAttributes(tbs.issuer)?.get(OID_COMMON_NAME);
  if (!issuer) throw malformed('issuer has no common name');
  const subject = usage === 'ca' ? null : readSubject(tbs.subject);
  if (usage !== 'ca' && !subject) throw malformed('subject lacks user id, role or name');

  const signature = signatureFromDer(new Uint8Array(cert.signatureValue));
  if (!signature) throw malformed('signature value is not a canonical DER SEQUENCE { r, s }');
  const serial = fromDerPositiveInteger(new Uint8Array(tbs.serialNumber));
  if (!serial) throw malformed('negative serial number');
  return {
    info: {
      suite,
      serial: toHex(serial),
      issuerName: issuer,
      subject,
      publicKey,
      usage,
      notBefore: tbs.validity.notBefore.getTime(),
      notAfter: tbs.validity.notAfter.getTime(),
      fingerprint: toHex(await getSuite(suite).hash(der)),
    },
    tbs: new Uint8Array(cert.tbsCertificateRaw),
    signature,
  };
}

/** Reads a certificate without verifying it. Throws SealError CERTIFICATE_MALFORMED. */
export async function parseCertificate(certificate: string | Uint8Array): Promise<CertificateInfo> {
  return (await parse(certificate)).info;
}

/**
 * Verifies a certificate against the platform CA's public key at time `now`: the signature over the exact TBS
 * bytes received, then the validity period (inclusive bounds). Revocation is checked by the caller (server list).
 */
export async function verifyCertificate(
  certificate: string | Uint8Array,
  caPublicKey: string,
  now: Date,
): Promise<CertificateVerification> {
  let parsed: Parsed;
  try {
    parsed = await parse(certificate);
  } catch {
    return { valid: false, reason: 'MALFORMED' };
  }
  const { info } = parsed;
  if (!(await getSuite(info.suite).verify(caPublicKey, parsed.tbs, parsed.signature))) {
    return { valid: false, reason: 'BAD_SIGNATURE' };
  }
  if (now < info.notBefore) return { valid: false, reason: 'NOT_YET_VALID' };
  if (now > info.notAfter) return { valid: false, reason: 'EXPIRED' };
  return { valid: true, certificate: info };
}

/** Hex digest of the certificate's DER: SM3 for 国密 certificates, SHA-256 for international ones. */
export async function certificateFingerprint(certificate: string | Uint8Array): Promise<string> {
  return (await parse(certificate)).info.fingerprint;
}
