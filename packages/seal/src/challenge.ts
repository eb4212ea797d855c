import { SealError } from './errors';
import { canonicalBytes } from './ledger-hash';
import { getSuite, type Suite } from './suite';

/**
 * Login by certificate (PRODUCT.md C2): the server issues a challenge, the browser signs its RFC 8785 canonical
 * JSON with the user's SIGNING key, the server verifies with the public key of a valid, unrevoked certificate.
 * `type` separates this statement from every other thing the key signs (a signed challenge can never be replayed
 * as a sealed-bid statement and vice versa); `origin` stops a challenge relayed through another site from being
 * accepted here. Freshness (serverTime within a short window) and single use of the nonce are the server's checks.
 */
export const LOGIN_CHALLENGE_TYPE = 'zhengcai-login-challenge';

export interface LoginChallenge {
  type: typeof LOGIN_CHALLENGE_TYPE;
  version: 1;
  nonce: string;
  /** ISO 8601, from the server's clock. */
  serverTime: string;
  /** The web origin the user signs in to, e.g. https://zc.example.gov.cn. */
  origin: string;
}

export function createChallenge(nonce: string, serverTime: Date, origin: string): LoginChallenge {
  if (typeof nonce !== 'string' || !/^[A-Za-z0-9_-]{22,128}$/.test(nonce)) {
    throw new SealError('INVALID_ARGUMENT', 'nonce must be 22–128 base64url characters (at least 128 bits)');
  }
  if (Number.isNaN(serverTime.getTime())) throw new SealError('INVALID_ARGUMENT', 'serverTime is not a date');
  let canonicalOrigin: string;
  try {
    canonicalOrigin = new URL(origin).origin;
  } catch {
    canonicalOrigin = 'null';
  }
  if (canonicalOrigin === 'null' || canonicalOrigin !== origin) {
    throw new SealError('INVALID_ARGUMENT', 'origin must be a web origin such as https://host[:port]');
  }
  return { type: LOGIN_CHALLENGE_TYPE, version: 1, nonce, serverTime: serverTime.toISOString(), origin };
}

/** The exact bytes that are signed: canonical JSON of the five fields, nothing else. */
export function challengeBytes(challenge: LoginChallenge): Uint8Array {
  const { type, version, nonce, serverTime, origin } = challenge;
  return canonicalBytes({ type, version, nonce, serverTime, origin });
}

export function signChallenge(suite: Suite, privateKey: string, challenge: LoginChallenge): Promise<string> {
  return getSuite(suite).sign(privateKey, challengeBytes(challenge));
}

export async function verifyChallengeSignature(
  suite: Suite,
  publicKey: string,
  challenge: LoginChallenge,
  signature: string,
): Promise<boolean> {
  if (challenge.type !== LOGIN_CHALLENGE_TYPE || challenge.version !== 1) return false;
  return getSuite(suite).verify(publicKey, challengeBytes(challenge), signature);
}
