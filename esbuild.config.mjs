// Bundles the Node side: one file per entry, dependencies left to node_modules
// (electron-builder packs the production ones), except the sandboxed preload, which must be self-contained.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning', outdir: 'dist/node' };

await Promise.all([
  build({
    ...common,
    format: 'esm',
    packages: 'external',
    entryPoints: {
      main: 'electron/main.ts',
      launch: 'electron/launch.ts',
      web: 'electron/host/web-main.ts',
      carnet: 'electron/cli/cli-main.ts',
    },
  }),
  build({ ...common, format: 'cjs', external: ['electron'], entryPoints: { preload: 'electron/preload.ts' }, outExtension: { '.js': '.cjs' } }),
  // The search worker carries its dependencies, so that it runs unpacked from the app archive.
  build({ ...common, format: 'esm', entryPoints: { 'search-worker': 'electron/search/search-worker.ts' } }),
]);
