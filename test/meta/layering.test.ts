// The layering rules from ARCHITECTURE.md, checked on import lines: tools and the client never import
// the server or the commands (so they start instantly), commands never import the server (they see
// only CommandContext), and the protocol core imports nothing above util.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { ROOT } from '../helpers/servers.js';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Top-level folders under src/ that a file imports (static and dynamic imports). */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const areas: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)) {
    const target = resolve(dirname(file), m[1]);
    const rel = relative(SRC, target);
    if (!rel.startsWith('..')) areas.push(rel.split('/')[0].replace(/\.js$/, ''));
  }
  return areas;
}

const RULES: Array<[string, string[]]> = [
  ['tools', ['server', 'cmds']],
  ['client', ['server', 'cmds', 'keyspace', 'tools']],
  ['cmds', ['server', 'tools', 'client']],
  ['protocol', ['server', 'cmds', 'keyspace', 'spec', 'tools', 'client']],
  ['util', ['server', 'cmds', 'keyspace', 'spec', 'tools', 'client', 'protocol']],
  ['keyspace', ['server', 'cmds', 'tools', 'client']],
  ['spec', ['server', 'cmds', 'tools', 'client']],
  ['acl', ['server', 'cmds', 'tools', 'client', 'scripting', 'persistence']],
  ['scripting', ['server', 'cmds', 'tools', 'client', 'keyspace']],
  ['persistence', ['server', 'cmds', 'tools', 'client', 'spec']],
];

describe('layering', () => {
  for (const [area, forbidden] of RULES) {
    it(`src/${area} imports none of ${forbidden.join(', ')}`, () => {
      const bad: string[] = [];
      for (const f of files(join(SRC, area))) {
        for (const a of importedAreas(f)) if (forbidden.includes(a)) bad.push(`${relative(ROOT, f)} -> ${a}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
