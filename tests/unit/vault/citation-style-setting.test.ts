import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { methodSchemas } from '../../../electron/api.ts';
import { CarnetError } from '../../../electron/core/carnet-error.ts';
import type { CitationStyle } from '../../../electron/export/citation-styles.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';

async function manifest(root: string): Promise<Record<string, unknown> & { settings?: Record<string, unknown> }> {
  return JSON.parse(await fs.readFile(path.join(root, 'carnet.json'), 'utf8')) as Record<string, unknown>;
}

test('the citation style: APA until chosen, kept in carnet.json beside its other keys, the default not written', async () => {
  await inSampleVault(async (vault) => {
    assert.equal((await vault.getVaultSettings()).citationStyle, 'apa');
    const file = path.join(vault.root, 'carnet.json');
    const before = await manifest(vault.root);
    await fs.writeFile(file, `${JSON.stringify({ ...before, custom: { kept: true }, settings: { ...before.settings, handWritten: 1 } }, null, 2)}\n`);
    await vault.updateVaultSettings({ quoteTemplate: '- {{passage}}' });
    const chosen = await vault.updateVaultSettings({ citationStyle: 'iso690-fr' });
    assert.equal(chosen.citationStyle, 'iso690-fr');
    assert.equal(chosen.quoteTemplate, '- {{passage}}');
    let written = await manifest(vault.root);
    assert.equal(written.settings?.citationStyle, 'iso690-fr');
    assert.equal(written.settings?.quoteTemplate, '- {{passage}}');
    assert.equal(written.settings?.handWritten, 1);
    assert.deepEqual(written.custom, { kept: true });
    for (const key of Object.keys(before)) assert.ok(key in written, `${key} kept`);
    assert.equal((await vault.getVaultSettings()).citationStyle, 'iso690-fr', 'read back');
    assert.equal((await vault.updateVaultSettings({ citationStyle: 'chicago' })).citationStyle, 'chicago');
    await vault.updateVaultSettings({ citationStyle: 'apa' });
    written = await manifest(vault.root);
    assert.equal('citationStyle' in (written.settings ?? {}), false, 'the default is not written');
    assert.equal(written.settings?.quoteTemplate, '- {{passage}}');
    assert.deepEqual(written.custom, { kept: true });
  });
});

test('an unknown citation style is refused by the contract and by the vault, and one written by hand reads as APA', async () => {
  assert.equal(methodSchemas.updateVaultSettings.safeParse({ citationStyle: 'mla' }).success, false);
  assert.equal(methodSchemas.updateVaultSettings.safeParse({ citationStyle: 'chicago' }).success, true);
  assert.equal(methodSchemas.formatReference.safeParse({ sourceIds: ['a'], kind: 'citation', style: 'harvard' }).success, false);
  assert.equal(methodSchemas.formatReference.safeParse({ sourceIds: [], kind: 'citation' }).success, false);
  assert.equal(methodSchemas.formatReference.safeParse({ sourceIds: ['a'], kind: 'bibliography' }).success, true);
  await inSampleVault(async (vault) => {
    await assert.rejects(vault.updateVaultSettings({ citationStyle: 'mla' as CitationStyle }), (error: unknown) => error instanceof CarnetError && error.code === 'invalid-input');
    const before = await manifest(vault.root);
    await fs.writeFile(path.join(vault.root, 'carnet.json'), `${JSON.stringify({ ...before, settings: { ...before.settings, citationStyle: 'vancouver' } }, null, 2)}\n`);
    assert.equal((await vault.getVaultSettings()).citationStyle, 'apa');
  });
});
