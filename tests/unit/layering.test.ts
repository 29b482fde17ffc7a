import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../helpers/temp-dir.ts';

/** DESIGN.md's layers are enforced by the lint run in `npm test`; this proves the rules bite. */
const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

test('the renderer may import only types from electron/, and nothing from Node', async () => {
  const value = await ruleIds('renderer/app/Bad.ts', "import { Vault } from '../../electron/vault/vault.ts';\nexport const v = Vault;\n");
  assert.ok(value.some((m) => /imports only types from electron/.test(m)), value.join('\n'));
  const node = await ruleIds('renderer/app/Bad.ts', "import fs from 'node:fs';\nexport const f = fs;\n");
  assert.ok(node.some((m) => /has no Node/.test(m)), node.join('\n'));
  const types = await ruleIds('renderer/app/Good.ts', "import type { CarnetApi } from '../../electron/api.ts';\nexport type A = CarnetApi;\n");
  assert.deepEqual(types, []);
});

test('services never import electron or a front', async () => {
  for (const folder of ['vault', 'annotations', 'core', 'search', 'importers', 'export']) {
    const messages = await ruleIds(`electron/${folder}/bad.ts`, "import { app } from 'electron';\nimport { runCli } from '../cli/carnet.ts';\nexport const x = [app, runCli];\n");
    assert.equal(messages.filter((m) => m.startsWith('no-restricted-imports')).length, 2, `${folder}: ${messages.join('\n')}`);
  }
});
