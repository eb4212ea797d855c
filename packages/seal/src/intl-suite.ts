import { p256 } from '@noble/curves/nist.js';
import { openRandomNonce, sealRandomNonce, NONCE_LENGTH, TAG_LENGTH, assertAeadInputs } from './aead';
import {
  bufferSource,
  concatBytes,
  fromBase64Url,
  fromHex,
  isHex,
  randomBytes,
  toBase64Url,
  toHex,
  utf8,
} from './bytes';
import { SealError } from './errors';
import type { AeadKey, CryptoSuite, KeyPair } from './suite';

/**
 * The international suite on WebCrypto (`globalThis.crypto.subtle`, the same API in browsers and Node ≥ 20):
 * ECDSA P-256 with SHA-256 (FIPS 186-5), ECDH P-256 (SP 800-56A), HKDF-SHA-256 (RFC 5869), AES-256-GCM (SP 800-38D).
 * @noble/curves is used only to turn a stored private scalar into the JWK WebCrypto imports (which needs x and y)
 * and to check that public keys are points on the curve.
 */

const AES_KEY_LENGTH = 32;
const POINT_LENGTH = 65;

/**
 * ECIES key wrapping, in the manner of SEC 1 v2 §5.1 / ISO/IEC 18033-2 ECIES-KEM with a DEM, using only vetted
 * primitives:
 *   1. ephemeral key pair (e, E = e·G) on P-256, fresh for every wrap;
 *   2. Z = x-coordinate of e·R, R the recipient's encryption public key (ECDH, SP 800-56A §5.7.1.2);
 *   3. K ‖ N = HKDF-SHA-256(IKM = Z, salt = empty, info = ECIES_INFO ‖ E ‖ R, L = 32 + 12) — both public keys are
 *      bound into the derivation (as HPKE, RFC 9180, binds enc ‖ pkR in its KEM context);
 *   4. C = AES-256-GCM(K, nonce N, plaintext = content key, AAD = empty) — K is single-use, so a derived nonce is
 *      safe;
 *   5. wrapped = E (65 bytes, uncompressed) ‖ C (32-byte key + 16-byte tag), as hex (113 bytes).
 */
export const ECIES_INFO = 'zhengcai/seal/v1 key-wrap ECIES P-256 HKDF-SHA-256 AES-256-GCM';
const WRAPPED_LENGTH = POINT_LENGTH + AES_KEY_LENGTH + TAG_LENGTH;

// Types are left to inference from `globalThis.crypto.subtle`: DOM names such as SubtleCrypto or JsonWebKey do not
// exist for consumers compiled with Node's types only (the server), and this file must compile for both.
const subtle = () => globalThis.crypto.subtle;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

interface EcPrivateJwk {
  kty: 'EC';
  crv: 'P-256';
  d: string;
  x: string;
  y: string;
}

function assertPublicKey(publicKey: string): void {
  if (!isHex(publicKey, POINT_LENGTH) || !publicKey.startsWith('04')) {
    throw new SealError('INVALID_KEY', 'P-256 public key must be 04 ‖ X ‖ Y in hex');
  }
  try {
    p256.ProjectivePoint.fromHex(publicKey).assertValidity();
  } catch {
    throw new SealError('INVALID_KEY', 'P-256 public key is not a point on the curve');
  }
}

function publicKeyOf(privateKey: string): string {
  if (!isHex(privateKey, 32)) throw new SealError('INVALID_KEY', 'P-256 private key must be 64 hex digits');
  try {
    return toHex(p256.getPublicKey(fromHex(privateKey), false));
  } catch {
    throw new SealError('INVALID_KEY', 'P-256 private key out of range');
  }
}

function privateJwk(privateKey: string): EcPrivateJwk {
  const point = fromHex(publicKeyOf(privateKey));
  return {
    kty: 'EC',
    crv: 'P-256',
    d: toBase64Url(fromHex(privateKey)),
    x: toBase64Url(point.subarray(1, 33)),
    y: toBase64Url(point.subarray(33, 65)),
  };
}

/** Generates with WebCrypto and exports d, x, y in our hex formats. */
async function generate(kind: 'ECDSA' | 'ECDH'): Promise<KeyPair> {
  const pair =
    kind === 'ECDSA'
      ? await subtle().generateKey(ECDSA, true, ['sign', 'verify'])
      : await subtle().generateKey(ECDH, true, ['deriveBits']);
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  if (!jwk.d || !jwk.x || !jwk.y) throw new Error('WebCrypto returned an incomplete EC key');
  return {
    privateKey: toHex(fromBase64Url(jwk.d)),
    publicKey: `04${toHex(fromBase64Url(jwk.x))}${toHex(fromBase64Url(jwk.y))}`,
  };
}

async function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', bufferSource(ikm), 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: bufferSource(salt), info: bufferSource(info) },
    key,
    length * 8,
  );
  return new Uint8Array(bits);
}

async function importAeadKey(key: Uint8Array): Promise<AeadKey> {
  if (key.length !== AES_KEY_LENGTH) throw new SealError('INVALID_KEY', 'AES-256 key must be 32 bytes');
  const cryptoKey = await subtle().importKey('raw', bufferSource(key), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ]);
  const params = (nonce: Uint8Array, aad: Uint8Array) => ({
    name: 'AES-GCM',
    iv: bufferSource(nonce),
    additionalData: bufferSource(aad),
    tagLength: TAG_LENGTH * 8,
  });
  return {
    async seal(nonce, plaintext, aad) {
      assertAeadInputs(key, AES_KEY_LENGTH, nonce);
      return new Uint8Array(await subtle().encrypt(params(nonce, aad), cryptoKey, bufferSource(plaintext)));
    },
    async open(nonce, sealed, aad) {
      assertAeadInputs(key, AES_KEY_LENGTH, nonce);
      if (sealed.length < TAG_LENGTH) throw new SealError('DECRYPTION_FAILED', 'ciphertext shorter than the tag');
      try {
        return new Uint8Array(await subtle().decrypt(params(nonce, aad), cryptoKey, bufferSource(sealed)));
      } catch {
        throw new SealError('DECRYPTION_FAILED');
      }
    },
  };
}

/** Steps 2–3 of the ECIES construction above: the key-encryption key and nonce for (E, R). */
async function eciesKeys(z: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Promise<[AeadKey, Uint8Array]> {
  const okm = await hkdfSha256(z, new Uint8Array(0), concatBytes(utf8(ECIES_INFO), ephemeral, recipient), 44);
  return [
    await importAeadKey(okm.subarray(0, AES_KEY_LENGTH)),
    okm.slice(AES_KEY_LENGTH, AES_KEY_LENGTH + NONCE_LENGTH),
  ];
}

export const intlSuite: CryptoSuite = {
  name: 'intl',
  hashName: 'SHA-256',
  cipherName: 'AES-256-GCM',
  signatureName: 'ECDSA-P256-SHA256',
  contentKeyLength: AES_KEY_LENGTH,

  generateSigningKeyPair: () => generate('ECDSA'),
  generateEncryptionKeyPair: () => generate('ECDH'),
  publicKeyOf,
  assertPublicKey,

  /** ECDSA with SHA-256 over the message (WebCrypto hashes it); signature r ‖ s. */
  async sign(privateKey, message) {
    const key = await subtle().importKey('jwk', privateJwk(privateKey), ECDSA, false, ['sign']);
    const signature = await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, key, bufferSource(message));
    return toHex(new Uint8Array(signature));
  },

  async verify(publicKey, message, signature) {
    if (!isHex(signature, 64)) return false;
    try {
      assertPublicKey(publicKey);
      const key = await subtle().importKey('raw', bufferSource(fromHex(publicKey)), ECDSA, false, ['verify']);
      return await subtle().verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        bufferSource(fromHex(signature)),
        bufferSource(message),
      );
    } catch {
      return false;
    }
  },

  hash: async (bytes) => new Uint8Array(await subtle().digest('SHA-256', bufferSource(bytes))),
  hkdf: hkdfSha256,

  generateContentKey: () => randomBytes(AES_KEY_LENGTH),

  async wrapKey(recipientPublicKey, contentKey) {
    assertPublicKey(recipientPublicKey);
    if (contentKey.length !== AES_KEY_LENGTH) throw new SealError('INVALID_KEY', 'content key must be 32 bytes');
    const recipient = fromHex(recipientPublicKey);
    const recipientKey = await subtle().importKey('raw', bufferSource(recipient), ECDH, false, []);
    const ephemeralPair = await subtle().generateKey(ECDH, false, ['deriveBits']);
    const ephemeral = new Uint8Array(await subtle().exportKey('raw', ephemeralPair.publicKey));
    const z = new Uint8Array(
      await subtle().deriveBits({ name: 'ECDH', public: recipientKey }, ephemeralPair.privateKey, 256),
    );
    const [kek, nonce] = await eciesKeys(z, ephemeral, recipient);
    return toHex(concatBytes(ephemeral, await kek.seal(nonce, contentKey, new Uint8Array(0))));
  },

  async unwrapKey(privateKey, wrapped) {
    const recipient = fromHex(publicKeyOf(privateKey));
    if (!isHex(wrapped, WRAPPED_LENGTH) || !wrapped.startsWith('04')) {
      throw new SealError('KEY_UNWRAP_FAILED', 'wrapped key is not an ECIES ciphertext of a 32-byte key');
    }
    const bytes = fromHex(wrapped);
    const ephemeral = bytes.subarray(0, POINT_LENGTH);
    try {
      const ephemeralKey = await subtle().importKey('raw', bufferSource(ephemeral), ECDH, false, []);
      const key = await subtle().importKey('jwk', privateJwk(privateKey), ECDH, false, ['deriveBits']);
      const z = new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: ephemeralKey }, key, 256));
      const [kek, nonce] = await eciesKeys(z, ephemeral, recipient);
      return await kek.open(nonce, bytes.subarray(POINT_LENGTH), new Uint8Array(0));
    } catch {
      throw new SealError('KEY_UNWRAP_FAILED');
    }
  },

  importAeadKey,
  encrypt: async (key, plaintext, aad) => sealRandomNonce(await importAeadKey(key), plaintext, aad),
  decrypt: async (key, sealed, aad) => openRandomNonce(await importAeadKey(key), sealed, aad),
};
