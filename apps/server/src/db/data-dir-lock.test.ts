import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock';

describe('embedded database lock', () => {
  it('refuses a second owner with a clear message, and frees the directory on release', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zc-lock-')), 'pglite');
    const first = acquireDataDirLock(dir);
    // Same process counts as the owner being alive; simulate another live process by writing its pid.
    first.release();
    const child = spawn('sleep', ['5']);
    writeFileSync(join(dir, '..', 'pglite.lock'), String(child.pid));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(/正被进程 \d+ 使用[\s\S]*in use by process/);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zc-lock-')), 'pglite');
    acquireDataDirLock(dir).release();
    writeFileSync(join(dir, '..', 'pglite.lock'), '999999');
    const lock = acquireDataDirLock(dir);
    lock.release();
  });
});
