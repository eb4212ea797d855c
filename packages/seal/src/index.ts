export * from './ledger-hash';
export { SealError, SEAL_ERROR_CODES, isSealError, type SealErrorCode } from './errors';
export { randomNonce, toHex, fromHex, toBase64Url, fromBase64Url } from './bytes';
export {
  DEFAULT_SUITE,
  SUITES,
  getSuite,
  isSuite,
  type AeadKey,
  type CryptoSuite,
  type KeyPair,
  type Suite,
} from './suite';
export { SM2_DEFAULT_USER_ID } from './gm-suite';
export { ECIES_INFO } from './intl-suite';
export {
  FILE_HASH_ALGORITHMS,
  SEGMENT_SIZE,
  createFileHasher,
  fileHash,
  type FileHasher,
  type HashFunction,
} from './file-hash';
export type { NativePrimitives } from './native-primitives';
export {
  DEFAULT_CHUNK_SIZE,
  STREAM_HEADER_LENGTH,
  decryptBytes,
  decryptStream,
  encryptBytes,
  encryptStream,
  type CipherStream,
  type EncryptStreamOptions,
  type StreamOptions,
  type StreamSummary,
} from './stream';
export {
  SEALED_BID_STATEMENT_TYPE,
  bidAssociatedData,
  openBid,
  openBidStream,
  sealBid,
  sealBidStream,
  unwrapContentKey,
  verifySealedBid,
  type BidContext,
  statementIsWellFormed,
  type BidSealer,
  type KeyEscrowParams,
  type ConsortiumComposition,
  type ConsortiumMemberStatement,
  type SealBidParams,
  type SealedBid,
  type SealedBidEnvelope,
  type SealedBidProblem,
  type SealedBidStatement,
  type SealedBidVerification,
  type VerifySealedBidParams,
} from './envelope';
export {
  KEY_FILE_FORMAT,
  KEY_FILE_ITERATIONS,
  KEY_FILE_KDF,
  changeKeyFilePassword,
  createKeyFile,
  generateUserKeys,
  openKeyFile,
  serializeKeyFile,
  type KeyFile,
  type KeyFileSubject,
  type OpenedKeyFile,
  type UserKeys,
} from './key-file';
export {
  OID_SM2_CURVE,
  OID_SM2_WITH_SM3,
  createCaCertificate,
  issueCertificate,
  randomSerial,
  type CertificateAuthority,
  type CertificateInfo,
  type CertificateProblem,
  type CertificateUsage,
  type CertificateVerification,
  type IssuedCertificate,
  type Validity,
} from './certificate';
export { certificateFingerprint, parseCertificate, verifyCertificate } from './certificate-read';
export type { CertificateSubject } from './x509-name';
export {
  LOGIN_CHALLENGE_TYPE,
  challengeBytes,
  createChallenge,
  signChallenge,
  verifyChallengeSignature,
  type LoginChallenge,
} from './challenge';
export {
  BID_PACKAGE_TYPE,
  bidPackageLength,
  bidPackageManifest,
  describeFile,
  parseBidPackage,
  readBidPackage,
  writeBidPackage,
  type BidPackageEntry,
  type BidPackageFile,
  type BidPackageManifest,
  type BidPackagePart,
  type PriceSheet,
} from './bid-package';
export {
  coSignSealedBid,
  verifyConsortiumSignature,
  type ConsortiumSignatureProblem,
  type ConsortiumSignatureVerification,
} from './consortium';
export {
  KEY_ESCROW_SCHEME,
  checkEscrowShare,
  escrowContentKey,
  keyEscrowHash,
  openEscrowShare,
  recoverContentKey,
  type EscrowHolder,
  type EscrowShare,
  type KeyEscrow,
} from './key-escrow';
