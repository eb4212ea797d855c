import { AsnConvert } from '@peculiar/asn1-schema';
import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { fromBase64, fromHex, isHex, toBase64, toHex } from './bytes';
import { SealError } from './errors';

/**
 * DER details for certificates: minimal two's-complement INTEGERs (X.690 §8.3.2), the signature value
 * SEQUENCE { r INTEGER, s INTEGER } shared by ECDSA (RFC 3279 §2.2.3 Ecdsa-Sig-Value) and SM2 (GB/T 35276-2017
 * SM2Signature), and PEM (RFC 7468).
 */

/** Minimal DER content octets of a non-negative integer given as big-endian bytes. */
export function derPositiveInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if ((trimmed[0] ?? 0) >= 0x80) {
    const out = new Uint8Array(trimmed.length + 1);
    out.set(trimmed, 1);
    return out;
  }
  return trimmed.slice();
}

/** Big-endian magnitude of a DER INTEGER that must be positive; null if negative. */
export function fromDerPositiveInteger(content: Uint8Array): Uint8Array | null {
  if (content.length === 0 || (content[0] ?? 0) >= 0x80) return null;
  return content[0] === 0 && content.length > 1 ? content.slice(1) : content.slice();
}

function leftPad(bytes: Uint8Array, length: number): Uint8Array | null {
  if (bytes.length > length) return null;
  const out = new Uint8Array(length);
  out.set(bytes, length - bytes.length);
  return out;
}

/** Raw r ‖ s (hex, 64 bytes) → DER SEQUENCE { r, s }. */
export function signatureToDer(signature: string): Uint8Array {
  if (!isHex(signature, 64)) throw new SealError('INVALID_ARGUMENT', 'signature must be 128 hex digits');
  const raw = fromHex(signature);
  const value = new ECDSASigValue({
    r: derPositiveInteger(raw.subarray(0, 32)).slice().buffer,
    s: derPositiveInteger(raw.subarray(32)).slice().buffer,
  });
  return new Uint8Array(AsnConvert.serialize(value));
}

/** DER SEQUENCE { r, s } → raw r ‖ s hex; null unless the input is the one canonical DER encoding. */
export function signatureFromDer(der: Uint8Array): string | null {
  try {
    const value = AsnConvert.parse(der, ECDSASigValue);
    const r = fromDerPositiveInteger(new Uint8Array(value.r));
    const s = fromDerPositiveInteger(new Uint8Array(value.s));
    const rPadded = r && leftPad(r, 32);
    const sPadded = s && leftPad(s, 32);
    if (!rPadded || !sPadded) return null;
    const raw = toHex(rPadded) + toHex(sPadded);
    // Reject BER variants and non-minimal integers: only the canonical encoding is accepted.
    return toHex(signatureToDer(raw)) === toHex(der) ? raw : null;
  } catch {
    return null;
  }
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function fromPem(pem: string, label = 'CERTIFICATE'): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  if (!match?.[1]) throw new SealError('CERTIFICATE_MALFORMED', `no ${label} PEM block`);
  try {
    return fromBase64(match[1].replace(/\s+/g, ''));
  } catch {
    throw new SealError('CERTIFICATE_MALFORMED', 'bad base64 in PEM');
  }
}
