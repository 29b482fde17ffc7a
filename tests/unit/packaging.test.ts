import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { PROJECT_ROOT, tempDir } from '../helpers/temp-dir.ts';

const run = promisify(execFile);
const built = existsSync(path.join(PROJECT_ROOT, 'dist', 'node', 'main.js')) && existsSync(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'));

/**
 * electron-builder packs offline when given an unpacked Electron folder; a stand-in one lets us
 * check what the packaged app holds without Electron's binary (which this machine cannot download).
 */
test('the packaged app holds everything main, preload and the renderer need, and no dev files', { skip: !built && 'run npm run build first', timeout: 240_000 }, async () => {
  const { dir, remove } = await tempDir();
  try {
    const standIn = path.join(dir, 'electron-dist');
    await fs.mkdir(path.join(standIn, 'resources'), { recursive: true });
    await fs.writeFile(path.join(standIn, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    await fs.writeFile(path.join(standIn, 'version'), JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
    await fs.copyFile(path.join(PROJECT_ROOT, 'node_modules', 'electron', 'LICENSE'), path.join(standIn, 'LICENSE'));
    const output = path.join(dir, 'release');
    await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--linux', '--dir', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    const resources = path.join(output, 'linux-unpacked', 'resources');
    const files = new Set(asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.split(path.sep).join('/')));
    for (const needed of ['/package.json', '/dist/node/main.js', '/dist/node/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/icon.png']) {
      assert.ok(files.has(needed), `${needed} is missing from app.asar`);
    }
    for (const dependency of ['yaml', 'zod', 'chokidar', 'write-file-atomic']) assert.ok(files.has(`/node_modules/${dependency}/package.json`), `${dependency} is not packed`);
    const unwanted = [...files].filter((f) => /^\/(tests|electron|renderer|resources)\//.test(f) || f.endsWith('.map') || f.startsWith('/node_modules/electron/') || f.startsWith('/node_modules/@tiptap/') || f.startsWith('/node_modules/react/'));
    assert.deepEqual(unwanted, []);
    assert.ok(existsSync(path.join(resources, 'sample-vault', 'carnet.json')), 'the sample vault ships beside app.asar');
    // Worker threads load plain files: the workers are unpacked beside app.asar, where the app looks for them.
    for (const worker of ['search-worker.js', 'import-worker.js']) assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'dist', 'node', worker)), `${worker} is not unpacked`);
    // So are the word lists the search worker splits glued words with; the dictionaries they come from are build-time only.
    for (const list of ['fr.txt.gz', 'en.txt.gz']) assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'dist', 'node', 'words', list)), `words/${list} is not unpacked`);
    assert.deepEqual([...files].filter((f) => /^\/node_modules\/(nspell|dictionary-fr|dictionary-en)\//.test(f)), []);
    assert.ok([...files].some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f)));
  } finally {
    await remove();
  }
});
