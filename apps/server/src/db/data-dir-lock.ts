import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite is one process's database: a second process on the same directory would corrupt it. The lock file holds
 * the owner's pid; a lock left by a process that no longer exists is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, '..', `${dataDir.split('/').filter(Boolean).pop() ?? 'db'}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${owner} 使用；同一嵌入式数据库只能由一个进程打开。` +
            `\nThe data directory ${dataDir} is in use by process ${owner}; only one process may open the embedded ` +
            `database. Stop that process, or set DATA_DIR to another directory, or use PostgreSQL (DATABASE_URL) ` +
            `to run several instances.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
