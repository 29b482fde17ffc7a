import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { guidOf, qdaProject, qdpxArchive } from '../../../electron/export/refi-qda.ts';
import { inSampleVault } from '../../helpers/test-vault.ts';
import { PROJECT_ROOT } from '../../helpers/temp-dir.ts';

const XSD = path.join(PROJECT_ROOT, '..', 'shared', 'standards', 'refi-qda', 'Project-mrt2019.xsd');
const skip = existsSync(XSD) ? false : 'the REFI-QDA schema (../shared/standards/refi-qda) is not here';

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: await fs.readFile(XSD, 'utf8') }] });
  return result.errors.map((e) => e.rawMessage);
}

test('the vault as a REFI-QDA project: project.qde is valid against the REFI-QDA schema (xmllint), with codes, coded passages and notes', { skip }, async () => {
  await inSampleVault(async (vault) => {
    const project = qdaProject(vault, new Date('2026-11-26T10:00:00Z'));
    assert.deepEqual(await validate(project.xml), []);
    assert.equal((project.xml.match(/<Code /g) ?? []).length, vault.codebook().codes.length, 'every code');
    assert.match(project.xml, /<Code guid="[0-9A-F-]{36}" name="Regional cooperation" isCodable="true" color="#[0-9a-f]{6}">[\s\S]*<Code guid="[0-9A-F-]{36}" name="Ministerial meetings"/, 'sub-codes nested in their parent');
    assert.equal((project.xml.match(/<PlainTextSelection /g) ?? []).length, 6, 'every placed passage');
    assert.equal((project.xml.match(/<Note /g) ?? []).length, 2);
    assert.equal(project.files.length, 3);
    // A selection's positions point at its words in the source text shipped beside it.
    const source = vault.getSource('sample-imm6-hanoi');
    const file = project.files.find((f) => f.text === source.body);
    assert.ok(file);
    const guid = guidOf(`${vault.manifest.id}:annotation:sample-imm6-hanoi-a1`);
    const [, start, end] = new RegExp(`guid="${guid}" name="[^"]*" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(project.xml) ?? [];
    const chars = [...file.text];
    assert.equal(chars.slice(Number(start), Number(end)).join(''), vault.listAnnotations('sample-imm6-hanoi').annotations.find((a) => a.id === 'sample-imm6-hanoi-a1')?.quote.exact);
  });
});

test('a hostile name or comment (quotes, <, &, control characters) still gives valid XML; the .qdpx holds project.qde and each source text', { skip }, async () => {
  await inSampleVault(async (vault) => {
    await vault.createCode({ name: 'Sécurité "frontières" <& \u0007>', description: 'a & b < c' });
    const project = qdaProject(vault);
    assert.deepEqual(await validate(project.xml), []);
    const zip = await JSZip.loadAsync(await qdpxArchive(project));
    const names = Object.keys(zip.files).sort();
    assert.equal(names[0], 'project.qde');
    assert.equal(names.filter((n) => n.startsWith('sources/') && n.endsWith('.txt')).length, 3);
    assert.equal(await zip.file('project.qde')?.async('string'), project.xml);
  });
});
