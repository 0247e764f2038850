import type { Plugin } from 'vite';

/** The app shell's module: behind the login, every screen needs it and the code it imports. */
const SHELL = /[\\/]app[\\/]shell[\\/]AppLayout\.tsx$/;
/** Screens without the shell: the login page and the customer's survey link. */
const WITHOUT_SHELL = /^\/(login|umfrage)(\/|$)/;

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  moduleIds: readonly string[];
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Adds a small inline script to index.html that runs while the parser reads the page, before
 * any of the app's code has arrived: it asks for the session at once (the app takes that answer
 * instead of asking again once React runs), and on screens behind the login it preloads the app
 * shell's code, which the main script would only ask for after it has loaded and run. So the
 * network works while the browser parses the first scripts instead of after them. The server
 * allows this one inline script by its hash (src/server/http/web.ts).
 */
export function earlyStart(): Plugin {
  return {
    name: 'autohaus:early-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item): item is ChunkInfo & typeof item => item.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        // The shell's module may share a chunk with other modules (vite.config.ts groups them).
        const shell = chunks.find((chunk) => chunk.moduleIds.some((id) => SHELL.test(id)));
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!shell || !entry) throw new Error('early start: the build has no app shell chunk or no entry');

        const closure = (start: ChunkInfo) => {
          const seen = new Set<string>();
          const visit = (file: string) => {
            if (seen.has(file)) return;
            seen.add(file);
            for (const next of byFile.get(file)?.imports ?? []) visit(next);
          };
          visit(start.fileName);
          return seen;
        };
        // What the entry's own preload links already fetch is left out.
        const loaded = closure(entry);
        const scripts = [...closure(shell)].filter((file) => !loaded.has(file));
        const styles = [
          ...new Set(scripts.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])])),
        ];

        const script =
          `(function(){` +
          `var g=window.__crmEarly={};` +
          `g['/auth/session']=fetch('/api/auth/session',{credentials:'same-origin',headers:{Accept:'application/json'}});` +
          `if(${WITHOUT_SHELL.toString()}.test(location.pathname))return;` +
          `function add(rel,href){var l=document.createElement('link');l.rel=rel;l.href='/'+href;l.crossOrigin='';document.head.appendChild(l)}` +
          `setTimeout(function(){` +
          `${JSON.stringify(scripts)}.forEach(function(f){add('modulepreload',f)});` +
          `${JSON.stringify(styles)}.forEach(function(f){add('stylesheet',f)});` +
          `},0)})();`;
        return {
          html,
          // First in the page: a script after a stylesheet would wait for it. The shell's links are added once the
          // parser has passed the entry's own, so those are asked for first.
          tags: [{ tag: 'script', children: script, injectTo: 'head-prepend' }],
        };
      },
    },
  };
}
