// Bundles the Node side: one file per entry, dependencies left to node_modules
// (electron-builder packs the production ones), except the sandboxed preload, which must be self-contained.
import { copyFile, cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureWordList, WORD_LANGUAGES } from './electron/search/word-lists.ts';

/**
 * jsdom resolves the file of its synchronous-XHR helper when it loads, and there is no such file
 * beside a bundle. Carnet runs no page scripts, so there is never a synchronous XHR: the path stays a name.
 */
const jsdomWithoutSyncXhr = {
  name: 'jsdom-without-sync-xhr',
  setup(build) {
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace('require.resolve("./xhr-sync-worker.js")', '"./xhr-sync-worker.js"');
      if (patched === source) throw new Error('jsdom changed: check how XMLHttpRequest-impl.js finds xhr-sync-worker.js');
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * The word lists the search worker splits glued words with (electron/search/glued-words.ts): derived
 * from the hunspell dictionaries once (cached in node_modules/.cache), copied beside the worker.
 */
async function copyWordLists() {
  const root = path.dirname(fileURLToPath(import.meta.url));
  await mkdir(path.join(root, 'dist', 'node', 'words'), { recursive: true });
  for (const language of WORD_LANGUAGES) await copyFile(ensureWordList(root, language), path.join(root, 'dist', 'node', 'words', `${language}.txt.gz`));
}

/** The CSL styles Carnet ships (resources/csl/), beside the bundles, where electron/export/source-citations.ts looks for them. */
async function copyCitationStyles() {
  const root = path.dirname(fileURLToPath(import.meta.url));
  await cp(path.join(root, 'resources', 'csl'), path.join(root, 'dist', 'node', 'csl'), { recursive: true, filter: (file) => !file.endsWith('.md') });
}

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning', outdir: 'dist/node' };

await Promise.all([
  copyWordLists(),
  copyCitationStyles(),
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
  // So does the import worker (jsdom, Readability, DOMPurify, pdfjs and its own worker code). jsdom is
  // CommonJS and requires Node's modules: the bundle gets a real `require`. Its optional canvas is
  // native and left out (jsdom goes without it; text import draws nothing).
  build({
    ...common,
    format: 'esm',
    entryPoints: { 'import-worker': 'electron/importers/import-worker.ts' },
    external: ['@napi-rs/canvas'],
    banner: { js: "import { createRequire as __carnetCreateRequire } from 'node:module'; const require = __carnetCreateRequire(import.meta.url);" },
    plugins: [jsdomWithoutSyncXhr],
  }),
]);
