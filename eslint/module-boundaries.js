// A module's tables and repository are private to it: other modules go through its public face
// (modules/<name>/index.ts) or the read model it publishes, so the owner can change its storage
// without breaking anyone. Exceptions, each for a reason:
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

/** Resolves relative and alias specifiers to a path relative to the repository root. */
function targetOf(specifier, importerAbsolute, root) {
  if (specifier.startsWith('@server/')) return path.join('src', 'server', specifier.slice('@server/'.length));
  if (specifier.startsWith('.')) return path.relative(root, path.resolve(path.dirname(importerAbsolute), specifier));
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "Forbid importing another module's tables.ts or repo.ts" },
    messages: {
      private:
        "'{{specifier}}' is private to the {{module}} module: use modules/{{module}}/index.ts (its functions or read model).",
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

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      const target = targetOf(specifier, importerAbsolute, root);
      if (!target) return;
      const owned = privatePart(target);
      if (!owned || owned.module === importerModule) return;
      if (importerIsTables && owned.file === 'tables') return;
      context.report({ node, messageId: 'private', data: { specifier, module: owned.module } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
