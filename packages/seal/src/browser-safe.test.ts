/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The package runs in the browser and on Node (ENGINEERING.md §2): library files use WebCrypto and vetted
 * libraries only. Test files reference Node's types for their cross-checks, which makes those types visible to the
 * whole typecheck — so this test, not the compiler, guards the boundary.
 */
const here = dirname(fileURLToPath(import.meta.url));
const libraryFiles = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('library files are browser-safe', () => {
  it('finds the library files', () => {
    expect(libraryFiles).toEqual(expect.arrayContaining(['index.ts', 'suite.ts', 'envelope.ts', 'key-file.ts']));
  });

  it.each(libraryFiles)("%s uses no Node built-ins, Buffer, process or Node's SM2", (file) => {
    const source = readFileSync(join(here, file), 'utf8');
    expect(source).not.toMatch(/from\s+['"](node:|crypto['"]|fs['"]|path['"]|buffer['"])/);
    expect(source).not.toMatch(/\brequire\s*\(/);
    expect(source).not.toMatch(/\bBuffer\./);
    expect(source).not.toMatch(/\bprocess\./);
  });
});
