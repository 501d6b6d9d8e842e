#!/usr/bin/env node
// Fails when any module of the workspace imports itself back, through any number of files, or when
// packages depend on each other in a circle. Run by `pnpm lint` (and so by CI).
//
// Imports are found and resolved by TypeScript itself (ts.preProcessFile, ts.resolveModuleName with
// the workspace's NodeNext settings), so `./x.js` specifiers reach `x.ts` exactly as tsc resolves
// them, and `import type` counts: a cycle of types is still two modules that need each other.
// Before checking the workspace, the script checks itself on a small cycle it writes to a
// temporary directory, so it can never pass by finding nothing.
//
// Usage: node scripts/import-cycles.mjs [DIR]   (default: the workspace root)
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(?:[cm]?ts|[cm]?js|tsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.turbo', 'coverage', 'results', '.git']);

/** The workspace's package folders (`pnpm-workspace.yaml`: `dir/*` or `dir`); the root alone when there is none. */
function packageDirs(root) {
  let yaml;
  try {
    yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return [root];
  }
  const list = /^packages:\n((?:\s+- .*\n?)+)/m.exec(yaml)?.[1] ?? '';
  return list
    .split('\n')
    .map((line) => line.replace(/^\s+- /, '').replace(/^['"]|['"]$/g, '').trim())
    .filter(Boolean)
    .flatMap((pattern) => (pattern.endsWith('/*') ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => join(root, pattern.slice(0, -2), name)) : [join(root, pattern)]))
    .filter((dir) => existsSync(join(dir, 'package.json')));
}

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) found.push(...sourceFiles(join(dir, entry.name)));
    else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(join(dir, entry.name));
  }
  return found;
}

/** The package folder a file belongs to, or undefined. */
const owner = (packages, file) => packages.filter((dir) => file === dir || file.startsWith(dir + sep)).sort((a, b) => b.length - a.length)[0];

/** Every import edge of the workspace: module to module inside a package, package to package across them. */
function importGraph(root) {
  const packages = packageDirs(root).map((dir) => resolve(dir));
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true, resolveJsonModule: true };
  const modules = new Map();
  const packageEdges = new Map(packages.map((dir) => [dir, new Set()]));
  for (const pkg of packages) {
    for (const file of sourceFiles(pkg)) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = new Set();
      for (const { fileName } of importedFiles) {
        const resolved = ts.resolveModuleName(fileName, file, options, ts.sys, undefined, undefined, ts.ModuleKind.ESNext).resolvedModule;
        if (!resolved || resolved.isExternalLibraryImport === true && !resolved.resolvedFileName.startsWith(root)) continue;
        const target = resolve(resolved.resolvedFileName);
        if (target.split(sep).includes('node_modules')) continue;
        const targetPackage = owner(packages, target);
        if (targetPackage && targetPackage !== pkg) packageEdges.get(pkg).add(targetPackage);
        else if (targetPackage === pkg && !target.endsWith('.d.ts') && !target.split(sep).includes('dist')) targets.add(target);
      }
      modules.set(file, targets);
    }
  }
  return { modules, packages: packageEdges };
}

/** The strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found.map((component) => path(graph, new Set(component)));
}

/** One closed path through a component, for the message: a -> b -> a. */
function path(graph, component) {
  const start = [...component].sort()[0];
  const seen = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const route = [node];
        for (let at = seen.get(node); at !== null; at = seen.get(at)) route.unshift(at);
        return [...route, start];
      }
      if (!seen.has(to)) {
        seen.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** Every cycle under `root`, as lists of paths relative to it. */
export function findImportCycles(root) {
  const { modules, packages } = importGraph(resolve(root));
  const shown = (route) => route.map((file) => relative(root, file) || '.');
  return [...cycles(packages).map(shown), ...cycles(modules).map(shown)];
}

/** Writes a tiny package with a value cycle and a type-only cycle through `.js` specifiers, and expects both. */
function selfCheck() {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-import-cycles-'));
  try {
    const files = {
      'package.json': '{ "name": "cycle-fixture", "type": "module" }',
      'src/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/types/c.ts': "import type { D } from '../d.js';\nexport interface C { d: D }\n",
      'src/d.ts': "import type { C } from './types/c.js';\nexport interface D { c?: C }\n",
      'src/fine.ts': "import { a } from './a.js';\nexport const fine = a;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      ts.sys.createDirectory(dirname(join(dir, file)));
      writeFileSync(join(dir, file), text);
    }
    const found = findImportCycles(dir).map((route) => route.join(' -> '));
    const expected = ['src/a.ts -> src/b.ts -> src/a.ts', 'src/d.ts -> src/types/c.ts -> src/d.ts'];
    if (JSON.stringify(found.sort()) !== JSON.stringify(expected))
      throw new Error(`import-cycles: the self-check found ${JSON.stringify(found)} instead of ${JSON.stringify(expected)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  selfCheck();
  const root = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
  const found = findImportCycles(root);
  if (found.length === 0) {
    console.log(`import-cycles: no import cycle in ${root}`);
  } else {
    for (const route of found) console.error(`import cycle: ${route.join(' -> ')}`);
    console.error(`import-cycles: ${found.length} ${found.length === 1 ? 'cycle' : 'cycles'}; move what both sides need into a module of its own`);
    process.exitCode = 1;
  }
}
