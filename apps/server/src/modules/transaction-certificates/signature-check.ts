import { canonicalBytes, fromHex, getSuite, toHex, type Suite } from '@zhengcai/seal';
import type { Services } from '../../services';

export interface SignatureCheck {
  /** The facts, hashed as they are, give the hash that was signed. */
  hashMatches: boolean;
  /** The signing key is the platform's service key of the suite (by certificate fingerprint). */
  keyKnown: boolean;
  /** The hash matches, the key is ours, and the signature over the hash bytes verifies with its public key. */
  valid: boolean;
}

/**
 * Checks a certificate's facts against their hash and the platform's signature, computed here with the platform's
 * public key — for the registered row (a changed `facts` column is caught) and for a proof read out of a PDF alike.
 * The facts are hashed exactly as given (canonical JSON of the raw value), never after a parse that drops keys.
 */
export async function checkFactsSignature(
  s: Services,
  claim: { suite: Suite; facts: unknown; factsHash: string; signature: string; keyId: string },
): Promise<SignatureCheck> {
  const set = await s.platformKeys.get();
  let recomputed: string | null = null;
  try {
    recomputed = toHex(await getSuite(claim.suite).hash(canonicalBytes(claim.facts)));
  } catch {
    recomputed = null;
  }
  const hashMatches = recomputed !== null && recomputed === claim.factsHash;
  const keyKnown = claim.suite === set.suite && claim.keyId === set.service.certificate.fingerprint;
  const valid =
    hashMatches &&
    keyKnown &&
    /^[0-9a-f]{64}$/.test(claim.factsHash) &&
    (await s.platformKeys.verifyServiceSignature(fromHex(claim.factsHash), claim.signature));
  return { hashMatches, keyKnown, valid };
}
