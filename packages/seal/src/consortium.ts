import { isHex } from './bytes';
import { SealError } from './errors';
import { statementIsWellFormed, type SealedBidStatement } from './envelope';
import { canonicalBytes } from './ledger-hash';
import { getSuite, isSuite } from './suite';

/**
 * Joint signatures of a consortium bid (联合体投标, 政府采购法 第二十四条). The lead seals the bid as any bidder does
 * (envelope.ts); its statement carries the consortium's composition. Every other member then signs THE SAME
 * statement bytes (RFC 8785 canonical JSON) with its own signing key on its own device: the signature says "we bid
 * jointly on this lot, with this ciphertext, these members, this lead and these shares". The member never sees, and
 * needs no key for, the sealed content.
 */

export type ConsortiumSignatureProblem = 'MALFORMED_STATEMENT' | 'NOT_A_MEMBER' | 'BAD_SIGNATURE';

export type ConsortiumSignatureVerification = { valid: true } | { valid: false; reason: ConsortiumSignatureProblem };

function assertConsortiumStatement(statement: unknown): asserts statement is SealedBidStatement {
  const suite: unknown = (statement as { suite?: unknown } | null)?.suite;
  if (!isSuite(suite) || !statementIsWellFormed(statement, suite) || !statement.consortium) {
    throw new SealError('INVALID_ARGUMENT', 'not a consortium bid statement');
  }
}

/**
 * In a member's browser: signs the lead's statement. Refuses anything that is not a well-formed consortium
 * statement naming `memberOrganisationId`, so a member's key never signs something else presented as one.
 */
export async function coSignSealedBid(params: {
  statement: unknown;
  memberOrganisationId: string;
  signingKey: string;
}): Promise<string> {
  const { statement } = params;
  assertConsortiumStatement(statement);
  if (!statement.consortium?.members.some((m) => m.organisationId === params.memberOrganisationId)) {
    throw new SealError('INVALID_ARGUMENT', 'the statement does not name this organisation as a member');
  }
  return getSuite(statement.suite).sign(params.signingKey, canonicalBytes(statement));
}

/**
 * On the server: one member's co-signature over the stored statement, with that member's signing public key (from a
 * certificate the server verified and checked against revocation). No key is needed and nothing is decrypted.
 */
export async function verifyConsortiumSignature(params: {
  statement: unknown;
  memberOrganisationId: string;
  signature: string;
  signerPublicKey: string;
}): Promise<ConsortiumSignatureVerification> {
  const { statement } = params;
  try {
    assertConsortiumStatement(statement);
  } catch {
    return { valid: false, reason: 'MALFORMED_STATEMENT' };
  }
  if (!statement.consortium?.members.some((m) => m.organisationId === params.memberOrganisationId)) {
    return { valid: false, reason: 'NOT_A_MEMBER' };
  }
  if (!isHex(params.signature)) return { valid: false, reason: 'BAD_SIGNATURE' };
  const ok = await getSuite(statement.suite)
    .verify(params.signerPublicKey, canonicalBytes(statement), params.signature)
    .catch(() => false);
  return ok ? { valid: true } : { valid: false, reason: 'BAD_SIGNATURE' };
}
