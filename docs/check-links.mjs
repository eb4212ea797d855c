// `npm run check -w docs`: every relative link in README.md and docs/**/*.md points to a file that exists, and every
// ADR is listed in docs/adr/README.md — so the map stays true as files move.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = [join(root, 'README.md')];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.md')) files.push(path);
  }
};
walk(join(root, 'docs'));

const broken = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
    const target = match[1];
    if (/^[a-z]+:/.test(target)) continue;
    if (!existsSync(resolve(dirname(file), target))) broken.push(`${file.slice(root.length + 1)} → ${target}`);
  }
}
const adrDir = join(root, 'docs', 'adr');
const index = readFileSync(join(adrDir, 'README.md'), 'utf8');
for (const adr of readdirSync(adrDir).filter((n) => /^\d{4}-.*\.md$/.test(n))) {
  if (!index.includes(`(${adr})`)) broken.push(`docs/adr/README.md does not list ${adr}`);
}
if (broken.length) {
  console.error(`Broken documentation links:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`docs: ${files.length} files, links OK`);
