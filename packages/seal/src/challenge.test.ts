import { describe, expect, it } from 'vitest';
import { randomNonce } from './bytes';
import { challengeBytes, createChallenge, signChallenge, verifyChallengeSignature } from './challenge';
import { generateUserKeys } from './key-file';
import { SUITES, type Suite } from './suite';

describe.each(SUITES)('login challenge (%s)', (suite: Suite) => {
  const origin = 'https://zc.example.gov.cn';
  const serverTime = new Date('2026-03-01T09:30:00.000Z');

  it('is a canonical statement that the signing key signs and the public key verifies', async () => {
    const nonce = randomNonce();
    const challenge = createChallenge(nonce, serverTime, origin);
    expect(new TextDecoder().decode(challengeBytes(challenge))).toBe(
      `{"nonce":"${nonce}","origin":"${origin}","serverTime":"2026-03-01T09:30:00.000Z","type":"zhengcai-login-challenge","version":1}`,
    );
    const keys = await generateUserKeys(suite);
    const signature = await signChallenge(suite, keys.signing.privateKey, challenge);
    expect(await verifyChallengeSignature(suite, keys.signing.publicKey, challenge, signature)).toBe(true);
    expect(await verifyChallengeSignature(suite, keys.encryption.publicKey, challenge, signature)).toBe(false);
    for (const changed of [
      { ...challenge, nonce: randomNonce() },
      { ...challenge, origin: 'https://evil.example' },
      { ...challenge, serverTime: '2026-03-01T09:30:01.000Z' },
    ]) {
      expect(await verifyChallengeSignature(suite, keys.signing.publicKey, changed, signature)).toBe(false);
    }
    const other: Suite = suite === 'gm' ? 'intl' : 'gm';
    expect(await verifyChallengeSignature(other, keys.signing.publicKey, challenge, signature)).toBe(false);
  });

  it('refuses weak nonces and anything that is not a bare origin', () => {
    expect(() => createChallenge('short', serverTime, origin)).toThrow(/INVALID_ARGUMENT/);
    for (const bad of [
      'https://zc.example.gov.cn/',
      'https://zc.example.gov.cn/login',
      'zc.example.gov.cn',
      'data:text/plain,x',
      'HTTPS://ZC.EXAMPLE.GOV.CN',
    ]) {
      expect(() => createChallenge(randomNonce(), serverTime, bad), bad).toThrow(/INVALID_ARGUMENT/);
    }
    expect(() => createChallenge(randomNonce(), new Date('x'), origin)).toThrow(/INVALID_ARGUMENT/);
  });
});
