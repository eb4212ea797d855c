import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The password of the platform's key files: PLATFORM_KEY_PASSWORD when configured (required for several instances,
 * which must share it), otherwise a random one kept beside the embedded database in DATA_DIR/platform-key.secret,
 * readable by the server's user only. Created once; never logged.
 */
export async function platformKeyPassword(configured: string | null, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, 'platform-key.secret');
  try {
    const stored = (await readFile(file, 'utf8')).trim();
    if (stored.length >= 16) return stored;
    throw new Error(`${file} is damaged: delete it only if the platform_keys table is empty`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (error) {
    // Another process of this machine created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}
