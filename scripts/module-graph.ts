// Checks that the server's parts do not depend on each other in a circle (run by `npm run lint`);
// with --mermaid prints the graph of parts, with --layers the parts layer by layer (top uses below).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCycles, readModuleGraph, toLayers, toMermaid } from '../src/server/architecture/module-graph';

const serverRoot = fileURLToPath(new URL('../src/server', import.meta.url));
const graph = readModuleGraph(serverRoot);

if (process.argv.includes('--mermaid')) {
  console.log(toMermaid(graph));
} else if (process.argv.includes('--layers')) {
  for (const layer of toLayers(graph)) console.log(layer.join('  '));
} else {
  const cycles = findCycles(graph);
  if (cycles.length > 0) {
    console.error(`Parts of ${path.relative(process.cwd(), serverRoot)} that depend on each other in a circle:`);
    for (const cycle of cycles) console.error(`  ${cycle.join(' → ')}`);
    console.error('Move what both need to a part below them, or pass it in as a function (a port).');
    process.exitCode = 1;
  } else {
    console.log(`module graph: ${graph.uses.size} parts, no cycle`);
  }
}
