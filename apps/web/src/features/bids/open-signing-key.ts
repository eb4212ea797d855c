import { openKeyFile, type UserKeys } from '@zhengcai/seal';

/**
 * Opens the bidder's keys for sealing. For now from the key file the user picks and its password (seal's
 * `openKeyFile`); at merge this switches to the certificate module's web key store. Throws SealError
 * WRONG_KEY_FILE_PASSWORD / KEY_FILE_CORRUPT.
 */
export async function openSigningKey(source: { file: File; password: string }): Promise<UserKeys> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await source.file.text());
  } catch {
    parsed = null;
  }
  const opened = await openKeyFile(parsed, source.password);
  return opened.keys;
}
