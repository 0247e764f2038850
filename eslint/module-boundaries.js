// A module's tables and repository are private to it: other modules go through its public face
// (modules/<name>/index.ts) or the read model it publishes, so the owner can change its storage
// without breaking anyone. Likewise a module imports nothing of another module but its index.ts,
// so each module's index.ts lists all that others depend on. Exceptions, each for a reason:
// - src/server/db/schema.ts gathers every table for migrations and the typed client;
// - a tables.ts may reference another module's tables.ts, as a foreign key needs the column.
import path from 'node:path';

const MODULES = path.join('src', 'server', 'modules');
const PRIVATE_FILE = /^(tables|repo)(\.ts)?$/;

/** 'src/server/modules/org/tables.ts' → { module: 'org', file: 'tables' }; anything else → null. */
function privatePart(relativePath) {
  const parts = relativePath.split(path.sep);
  const base = MODULES.split(path.sep);
  if (parts.length < base.length + 2 || base.some((segment, i) => parts[i] !== segment)) return null;
  const module = parts[base.length];
  const file = parts.at(-1).replace(/\.(ts|js)$/, '');
  return PRIVATE_FILE.test(file) ? { module, file } : null;
}

function moduleOf(relativePath) {
  const parts = relativePath.split(path.sep);
  const base = MODULES.split(path.sep);
  if (base.some((segment, i) => parts[i] !== segment)) return null;
  return parts[base.length] ?? null;
}

/** 'src/server/modules/org/service.ts' → 'org' unless it is the module's index.ts; anything else → null. */
function nonPublicModuleOf(relativePath) {
  const module = moduleOf(relativePath);
  if (!module) return null;
  const rest = relativePath.split(path.sep).slice(MODULES.split(path.sep).length + 1);
  if (rest.length === 0) return null; // the folder itself resolves to its index.ts
  return rest.length === 1 && /^index(\.(ts|js))?$/.test(rest[0]) ? null : module;
}

/** Resolves relative and alias specifiers to a path relative to the repository root. */
function targetOf(specifier, importerAbsolute, root) {
  if (specifier.startsWith('@server/')) return path.join('src', 'server', specifier.slice('@server/'.length));
  if (specifier.startsWith('.')) return path.relative(root, path.resolve(path.dirname(importerAbsolute), specifier));
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "Forbid importing another module's files other than its index.ts" },
    messages: {
      private:
        "'{{specifier}}' is private to the {{module}} module: use modules/{{module}}/index.ts (its functions or read model).",
      notPublic:
        "'{{specifier}}' is inside the {{module}} module: import it from '@server/modules/{{module}}' (export it from its index.ts).",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const importerAbsolute = context.physicalFilename;
    const importer = path.relative(root, importerAbsolute);
    if (importer === path.join('src', 'server', 'db', 'schema.ts')) return {};
    const importerModule = moduleOf(importer);
    const importerIsTables = path.basename(importer) === 'tables.ts';
    // Test helpers set up other modules' data the way their tests do.
    const importerIsTestHelper = path.basename(importer) === 'test-factories.ts';

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const target = targetOf(specifier, importerAbsolute, root);
      if (!target) return;
      const owned = privatePart(target);
      if (owned) {
        if (owned.module === importerModule) return;
        if (importerIsTables && owned.file === 'tables') return;
        context.report({ node, messageId: 'private', data: { specifier, module: owned.module } });
        return;
      }
      // Between modules only; the app's wiring outside the modules may still reach their routes and services.
      const module = nonPublicModuleOf(target);
      if (importerModule && !importerIsTestHelper && module && module !== importerModule) {
        context.report({ node, messageId: 'notPublic', data: { specifier, module } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
