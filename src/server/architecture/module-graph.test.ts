import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, type ModuleGraph, readModuleGraph } from './module-graph';

const graphOf = (edges: Record<string, string[]>): ModuleGraph => ({
  uses: new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)])),
});

describe('module graph', () => {
  it('finds a circle of parts, once, and nothing in a graph that only points down', () => {
    expect(findCycles(graphOf({ auth: ['org'], org: ['auth', 'db'], db: [] }))).toEqual([['auth', 'org', 'auth']]);
    expect(findCycles(graphOf({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(graphOf({ requests: ['contacts', 'org'], contacts: ['org'], org: [] }))).toEqual([]);
  });

  it('the server has no two parts that depend on each other in a circle', () => {
    const graph = readModuleGraph(fileURLToPath(new URL('..', import.meta.url)));
    expect(graph.uses.get('requests')?.has('contacts')).toBe(true);
    expect(findCycles(graph)).toEqual([]);
  });
});
