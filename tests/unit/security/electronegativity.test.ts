import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadReviewed, scan, triage, type Issue } from '../../security/electronegativity.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/** The gate of `npm run security`: it sees real problems, offline, and the reviewed list explains only what it names. */

const issue = (id: string, file: string, sample: string): Issue => ({ id, file, sample: `  ${sample}`, location: { line: 1, column: 0 }, description: '', severity: { name: 'HIGH' }, confidence: { name: 'CERTAIN' } });

test('a finding is explained only by an entry with its check, file and line; entries that match nothing are reported', () => {
  const reviewed = [
    { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/a.ts', sample: 'shell.openExternal(x);', reason: 'a reason long enough to read' },
    { id: 'PRELOAD_JS_CHECK', file: 'electron/gone.ts', sample: 'preload: p,', reason: 'a reason long enough to read' },
  ];
  const known = issue('OPEN_EXTERNAL_JS_CHECK', 'electron/a.ts', 'shell.openExternal(x);');
  const otherLine = issue('OPEN_EXTERNAL_JS_CHECK', 'electron/a.ts', 'shell.openExternal(y);');
  const otherFile = issue('OPEN_EXTERNAL_JS_CHECK', 'electron/b.ts', 'shell.openExternal(x);');
  const { explained, unexplained, stale } = triage([known, otherLine, otherFile], reviewed);
  assert.deepEqual(explained, [known]);
  assert.deepEqual(unexplained, [otherLine, otherFile]);
  assert.deepEqual(stale, [reviewed[1]]);
});

test('offline, the scan finds an unsafe window and an unchecked openExternal, and the reviewed list does not excuse them', async () => {
  const temp = await tempDir();
  try {
    await fs.mkdir(path.join(temp.dir, 'electron'));
    await fs.writeFile(
      path.join(temp.dir, 'electron', 'main.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        "void window.loadURL('http://example.org/');",
        'void shell.openExternal(String(process.argv[2]));',
        '',
      ].join('\n'),
    );
    const reviewed = await loadReviewed();
    const result = await scan(temp.dir, ['electron'], reviewed.excludedChecks.map((entry) => entry.check), '45.4.1');
    const ids = new Set(triage(result.issues, reviewed.findings).unexplained.map((found) => found.id));
    // The last three are the global checks Carnet's own code satisfies: no navigation limits, no permission handler, no CSP.
    const expected = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK'];
    for (const id of expected) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    assert.deepEqual(result.errors, []);
    assert.ok(
      result.refused.every((url) => url.includes('electronegativity-i18n')),
      `only the translations were asked for, and refused: ${result.refused.join(', ')}`,
    );
  } finally {
    await temp.remove();
  }
});
