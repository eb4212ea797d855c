import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inPool } from './timed';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code ?? 'none'} ${stderr}`)),
    );
  });
}

/**
 * The opening benchmark's reference: openssl decrypting and hashing the same ciphertext files — `openssl enc -d` with
 * the suite's block cipher in CTR mode (SM4 for gm, AES-256 for intl: GCM's keystream, without its GHASH) and
 * `openssl dgst` with the suite's hash (SM3 / SHA-256), `width` files at a time.
 */
export async function opensslDecrypt(suite: string, paths: readonly string[], width: number): Promise<void> {
  const gm = suite === 'gm';
  const key = randomBytes(gm ? 16 : 32).toString('hex');
  const iv = randomBytes(16).toString('hex');
  await inPool(paths, width, async (path) => {
    await run('openssl', [
      'enc',
      '-d',
      gm ? '-sm4-ctr' : '-aes-256-ctr',
      '-K',
      key,
      '-iv',
      iv,
      '-in',
      path,
      '-out',
      '/dev/null',
    ]);
    await run('openssl', ['dgst', gm ? '-sm3' : '-sha256', path]);
  });
}
