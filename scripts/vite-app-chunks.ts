import path from 'node:path';

interface ModuleInfo {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
interface ModuleGraph {
  getModuleInfo(id: string): ModuleInfo | null;
}

/** The app shell's module: behind the login, every screen needs it and the code it imports. */
const SHELL = 'src/web/app/shell/AppLayout.tsx';
const ENTRY = 'src/web/main.tsx';
/** A module that this many pages import goes with the shell rather than into a small chunk of its own. */
const SHARED_BY = 3;
/**
 * Libraries that stay with the few pages that use them (date pickers, phone number metadata, charts):
 * not in the 'ui' chunk (vite.config.ts), and a module importing one of them stays out of the shell.
 */
export const PAGE_LIBRARIES =
  /node_modules[\\/](@mantine[\\/](dates|charts)|dayjs|libphonenumber-js|recharts|d3-[^\\/]+|victory-vendor|@reduxjs|react-redux|redux|immer|reselect|es-toolkit|eventemitter3|decimal\.js-light|internmap)[\\/]/;

/** Schemas build their validators when loaded: they stay with the pages that use them. */
const STAYS_WITH_PAGES = /[\\/]schemas\.ts$/;

/**
 * Left alone, the bundler puts every set of modules that the same pages share into a chunk of its
 * own: a cold reload of the customer list asked for about 45 chunks, most of them 1–2 KB, queued
 * behind the browser's six connections. This names one chunk, `shell`, for the app shell's own
 * code and the small helpers that many pages share (queries, words, formats, enums, page parts);
 * each page keeps its own code, and what only a few pages share still goes with them.
 * The login page's code (everything the main script imports) is left where it is.
 */
export function appChunk(repoRoot: string) {
  let shell: Set<string> | undefined;
  const isApp = (id: string) => id.startsWith(repoRoot) && !/node_modules/.test(id);

  const build = (graph: ModuleGraph) => {
    const closure = (start: string) => {
      const seen = new Set<string>();
      const visit = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        for (const next of graph.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      visit(start);
      return seen;
    };
    const initial = closure(path.join(repoRoot, ENTRY));
    // Every module loaded on demand (a page, a dialog) and how many of them import each module.
    const lazy = new Set<string>();
    const queue = [path.join(repoRoot, ENTRY)];
    const walked = new Set<string>();
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (walked.has(id)) continue;
      walked.add(id);
      const info = graph.getModuleInfo(id);
      if (!info) continue;
      queue.push(...info.importedIds, ...info.dynamicallyImportedIds);
      for (const target of info.dynamicallyImportedIds) lazy.add(target);
    }
    const users = new Map<string, number>();
    for (const page of lazy) for (const id of closure(page)) users.set(id, (users.get(id) ?? 0) + 1);

    const inShell = closure(path.join(repoRoot, SHELL));
    const result = new Set<string>();
    for (const id of walked) {
      if (!isApp(id) || initial.has(id) || lazy.has(id)) continue;
      const shared = (users.get(id) ?? 0) >= SHARED_BY && !STAYS_WITH_PAGES.test(id);
      if (inShell.has(id) || shared) result.add(id);
    }
    // A shared module joins only if everything it imports is in the shell, the main script or the
    // interface library: otherwise it would bring a page's code or a page library to every screen.
    const fits = (imported: string) =>
      result.has(imported) || initial.has(imported) || (!isApp(imported) && !PAGE_LIBRARIES.test(imported));
    for (let changed = true; changed;) {
      changed = false;
      for (const id of result) {
        if (inShell.has(id)) continue;
        if (!(graph.getModuleInfo(id)?.importedIds ?? []).every(fits)) {
          result.delete(id);
          changed = true;
        }
      }
    }
    result.add(path.join(repoRoot, SHELL));
    return result;
  };

  return (id: string, graph: ModuleGraph): string | null => {
    shell ??= build(graph);
    return shell.has(id) ? 'shell' : null;
  };
}
