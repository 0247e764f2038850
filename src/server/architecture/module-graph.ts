import fs from 'node:fs';
import path from 'node:path';

/**
 * The server's parts and which uses which, read from the import lines: the picture in the README
 * and the check that keeps the parts from depending on each other in a circle. A part is a domain
 * module (modules/<name>), an adapter (integrations/<name>) or a shared folder (db, http, jobs, lib).
 * Tests and test helpers are left out: they may reach anywhere to set up and check.
 */
export interface ModuleGraph {
  /** part → the parts it imports values from */
  uses: Map<string, Set<string>>;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g;

function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || /(^|\/)test-[^/]*\.ts$/.test(file);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !isTestFile(full) ? [full] : [];
  });
}

/** 'modules/org/service.ts' → 'org'; 'integrations/csta/adapter.ts' → 'integrations/csta'; 'db/client.ts' → 'db'. */
export function partOf(relativeToServer: string): string {
  const [first, second, third] = relativeToServer.split('/');
  if (first === 'modules' && second) return second;
  // integrations/<adapter>/… is an adapter; a file right in integrations/ (the registry) is not.
  if (first === 'integrations' && second && third) return `integrations/${second}`;
  if (!second) return 'app';
  return first ?? 'app';
}

function resolveSpecifier(specifier: string, fromFile: string, serverRoot: string): string | null {
  let target: string;
  if (specifier.startsWith('@server/')) target = path.join(serverRoot, specifier.slice('@server/'.length));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  // A folder stands for its index.ts.
  return fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, 'index.ts') : target;
}

export function readModuleGraph(serverRoot: string): ModuleGraph {
  const uses = new Map<string, Set<string>>();
  for (const file of sourceFiles(serverRoot)) {
    // The schema index collects every module's tables for Drizzle and the migrations; it is
    // plumbing, not a dependency of the database layer on the modules.
    if (path.relative(serverRoot, file) === path.join('db', 'schema.ts')) continue;
    // This folder reads the code; it is no part of what runs.
    if (path.relative(serverRoot, file).startsWith(`architecture${path.sep}`)) continue;
    const from = partOf(path.relative(serverRoot, file));
    if (!uses.has(from)) uses.set(from, new Set());
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      if (match[2]) continue; // type-only: no code runs across it
      const target = resolveSpecifier(match[3] ?? match[4] ?? '', file, serverRoot);
      if (!target) continue;
      const relative = path.relative(serverRoot, target);
      if (relative.startsWith('..')) continue;
      if (relative === path.join('db', 'schema')) continue;
      const to = partOf(relative);
      if (to !== from) uses.get(from)!.add(to);
    }
  }
  return { uses };
}

/** Every circle of parts, each as the list of parts along it (the first repeated at the end). */
export function findCycles(graph: ModuleGraph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const parts = [...graph.uses.keys()].sort();
  for (const start of parts) {
    // Depth-first from each part, only through parts sorted after it, so each circle is found once.
    const stack: Array<{ part: string; path: string[] }> = [{ part: start, path: [start] }];
    while (stack.length > 0) {
      const { part, path: route } = stack.pop()!;
      for (const next of [...(graph.uses.get(part) ?? [])].sort()) {
        if (next === start) {
          const key = route.join('>');
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push([...route, start]);
          }
        } else if (next > start && !route.includes(next)) {
          stack.push({ part: next, path: [...route, next] });
        }
      }
    }
  }
  return cycles;
}

/** The graph as Mermaid text, for the README. */
export function toMermaid(graph: ModuleGraph): string {
  const id = (part: string) => part.replace(/[^a-z0-9]/gi, '_');
  const lines = ['flowchart BT'];
  for (const [from, targets] of [...graph.uses].sort(([a], [b]) => a.localeCompare(b))) {
    for (const to of [...targets].sort()) lines.push(`  ${id(from)}[${from}] --> ${id(to)}[${to}]`);
  }
  return lines.join('\n');
}

/**
 * The parts in layers: a part sits one layer above the highest part it uses, so every arrow points
 * down. Only meaningful without cycles (a part in a circle is placed where the walk first meets it).
 */
export function toLayers(graph: ModuleGraph): string[][] {
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const levelOf = (part: string): number => {
    const known = level.get(part);
    if (known !== undefined) return known;
    if (visiting.has(part)) return 0;
    visiting.add(part);
    const below = [...(graph.uses.get(part) ?? [])].map(levelOf);
    const value = below.length === 0 ? 0 : Math.max(...below) + 1;
    visiting.delete(part);
    level.set(part, value);
    return value;
  };
  for (const part of graph.uses.keys()) levelOf(part);
  const layers: string[][] = [];
  for (const [part, value] of level) (layers[value] ??= []).push(part);
  return layers.map((layer) => layer.sort()).reverse();
}
