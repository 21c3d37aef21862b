// The shape of src/: no import cycles, and every import points down the layers of README.md's "How it works"
// (ui -> io/pwa -> state -> store -> domain, with lib below all). Every import counts: static, type-only,
// re-exports, dynamic import() and worker entries (new URL('./x.ts', import.meta.url)).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');

/** What each folder of src/ may import besides itself. `app` is src/main.tsx, which wires everything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  app: ['ui', 'sync', 'scan', 'labels', 'io', 'pwa', 'state', 'store', 'domain', 'lib'],
  ui: ['sync', 'scan', 'labels', 'io', 'pwa', 'state', 'domain', 'lib'],
  // Scanning (keyboard-wedge and camera decoding) and QR labels: each loads on first use.
  scan: ['state', 'domain', 'lib'],
  labels: ['state', 'domain', 'lib'],
  // Sync with the user's CouchDB: pushes the log's own text, merges pulled batches through the import.
  sync: ['io', 'state', 'store', 'domain', 'lib'],
  pwa: ['state', 'domain', 'lib'],
  // io runs imports and exports (the import worker builds its own Engine): it sits on state.
  io: ['state', 'store', 'domain', 'lib'],
  state: ['store', 'domain', 'lib'],
  store: ['domain', 'lib'],
  domain: ['lib'],
  lib: [],
};

/**
 * The store's doors: outside src/store only these files may be imported. The rest (pages, reverts, the write
 * path) sits behind EventStore. pages/codec.ts is the export's own text of events, which io writes too;
 * constants.ts is the layout's constants without Dexie, and open.ts the database and EventStore as the app's
 * start loads them (after the shell's first render).
 */
const STORE_DOORS = ['src/store/eventStore.ts', 'src/store/db.ts', 'src/store/types.ts', 'src/store/constants.ts', 'src/store/open.ts', 'src/store/pages/codec.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier `text` imports, exports from, loads dynamically or starts as a worker. */
function specifiers(text: string): string[] {
  const found = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  for (const m of text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g)) found.push(m[1]!);
  return found;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p) && statSync(p).isFile());
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');
const layerOf = (file: string) => {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : 'app';
};

/** src/ as a graph: each file (relative to the repository) and the src/ files it imports. */
function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const spec of specifiers(read(file))) {
      if (!spec.startsWith('.')) continue;
      const target = resolveImport(file, spec);
      if (target === undefined) throw new Error(`${rel(file)} imports ${spec}, which is no file`);
      targets.push(rel(target));
    }
    graph.set(rel(file), [...new Set(targets)]);
  }
  return graph;
}

/** One cycle of `graph` as the path around it (first file repeated at the end), or undefined. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const edges = (graph: ReadonlyMap<string, readonly string[]>) => [...graph].flatMap(([from, tos]) => tos.map((to) => `${from} -> ${to}`));
const layerOfRel = (file: string) => layerOf(join(ROOT, file));

const graph = importGraph(sourceFiles(SRC), (file) => readFileSync(file, 'utf8'));

describe('the import graph of src/', () => {
  it('sees every kind of import: type-only, re-exports, dynamic and workers', () => {
    expect(specifiers(`import type { A } from './a';\nexport { b } from './b';\nconst c = () => import('./c');\nnew Worker(new URL('./d.ts', import.meta.url));`)).toEqual(['./a', './b', './c', './d.ts']);
    expect(graph.get('src/store/eventStore.ts')).toContain('src/store/append.ts');
  });

  it('finds a cycle and names the path around it', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(cyclic)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).toBeUndefined();
  });

  it('has no import cycle', () => {
    expect(findCycle(graph), 'an import cycle, file by file').toBeUndefined();
  });

  it('imports only down the layers (ui -> io/pwa -> state -> store -> domain -> lib)', () => {
    const wrong = edges(graph).filter((edge) => {
      const [from, to] = edge.split(' -> ') as [string, string];
      const [a, b] = [layerOfRel(from), layerOfRel(to)];
      return a !== b && !MAY_IMPORT[a]!.includes(b);
    });
    expect(wrong).toEqual([]);
  });

  it('reaches the store only through its doors (EventStore, the database, its types, the page text)', () => {
    const reaching = edges(graph).filter((edge) => {
      const [from, to] = edge.split(' -> ') as [string, string];
      return layerOfRel(to) === 'store' && layerOfRel(from) !== 'store' && !STORE_DOORS.includes(to);
    });
    expect(reaching).toEqual([]);
  });
});

/** What a module needs before it runs: its static imports and re-exports, not `import type` nor `import()`. */
function staticSpecifiers(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The packages the start's first script holds: reached from `entry` through static imports. */
function packagesAtStart(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      else if (!/\.css(\?|$)/.test(spec)) visit(resolveImport(file, spec)!);
    }
  };
  visit(entry);
  return packages;
}

describe('the script the app starts with', () => {
  it('sees static imports and re-exports only', () => {
    expect(staticSpecifiers(`import type { A } from './a';\nimport {\n  b,\n} from './b';\nexport * from './c';\nconst d = () => import('./d');\nimport './e.css';`)).toEqual(['./b', './c', './e.css']);
  });

  it('does not hold Dexie: the database code loads after the shell is shown (src/state/app.ts)', () => {
    const packages = packagesAtStart(join(SRC, 'main.tsx'));
    expect(packages).toContain('preact');
    expect(packages).not.toContain('dexie');
  });
});
