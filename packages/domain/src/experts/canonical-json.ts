import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The JSON values a draw record holds: no floats, so RFC 8785 number formatting never comes into play. */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | CanonicalObject;
export interface CanonicalObject {
  readonly [key: string]: CanonicalValue;
}

/** True when a string has an unpaired UTF-16 surrogate (no UTF-8 form, so no canonical bytes). */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    }
  }
  return false;
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values above: no whitespace, object keys sorted by UTF-16 code
 * units, strings as ECMAScript `JSON.stringify` writes them (which is what RFC 8785 §3.2.2.2 specifies), integers
 * only. Any RFC 8785 library in another language produces the same bytes.
 */
export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`canonical JSON holds safe integers only: ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) throw new RangeError('canonical JSON cannot hold a lone surrogate');
    return JSON.stringify(value);
  }
  if (isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${canonicalJson(k)}:${canonicalJson(value[k] ?? null)}`).join(',')}}`;
}

function isArray(value: CanonicalValue): value is readonly CanonicalValue[] {
  return Array.isArray(value);
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of a string. */
export function sha256HexOfText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes: what another language's byte-wise
 * sort gives. (JavaScript's default sort compares UTF-16 code units, which differs above U+FFFF.)
 */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (ch) => ch.codePointAt(0) ?? 0);
  const y = Array.from(b, (ch) => ch.codePointAt(0) ?? 0);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Sorted by code point, duplicates removed. */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}
