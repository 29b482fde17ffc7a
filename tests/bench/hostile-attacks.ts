/**
 * Attacks on the vault's own files, through the web host's API: a full disk, browser fragments,
 * odd Markdown metadata, hand-edited front matter, a YAML alias bomb. Rows 1–6 of the table.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { until, type Bench } from './hostile-harness.ts';
import { compare, losses, measure, Row, snapshot } from './hostile-measure.ts';
import type { ImportResult } from '../../electron/importers/import-into-vault.ts';
import type { NoteDetail, NoteSummary, Problem, SourceDetail, TrashEntry, VaultInfo } from '../../electron/vault/vault-records.ts';

/** What a hostile page carries: it must never run, nor reach the stored text. */
export const PAYLOAD = '<script>globalThis.__pwned=1</script><img src="x" onerror="globalThis.__pwned=2">';

export async function backToMain(bench: Bench): Promise<void> {
  const reply = await bench.api<VaultInfo>('openVault', { path: bench.mainVault });
  if (!reply.ok) throw new Error(`could not go back to the main vault: ${reply.error?.message ?? reply.body}`);
}

/** A one-line description of an import's outcome, as the import summary shows it. */
export function outcome(reply: { ok: boolean; value?: ImportResult; error?: { message: string }; body: string }): string {
  if (!reply.ok || !reply.value) return reply.error?.message ?? reply.body;
  const result = reply.value;
  if (result.status === 'imported') return `Imported as "${result.title}"`;
  return result.reason;
}

const paragraph = (n: number) =>
  `Paragraph ${n}: the six Mekong countries reviewed their cooperation against human trafficking in Vientiane, with new commitments on victim protection and on joint training of border police.`;

// ---------------------------------------------------------------------------------------------
// Rows 1 and 2: a real, full disk.

export async function diskFull(bench: Bench): Promise<Row[]> {
  const save = new Row(1, 'Disk full while saving a note (2 MB tmpfs, 440 KB body)');
  const load = new Row(2, 'Disk full while importing a 44 KB text (2 MB tmpfs)');
  const disk = path.join(bench.base, 'disk');
  await fs.mkdir(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { stdio: 'ignore' });
  } catch {
    save.skipped = load.skipped = 'skipped: cannot mount a tmpfs here (not root, or no mount permission)';
    return [save, load];
  }
  try {
    const root = path.join(disk, 'vault');
    const created = await bench.api<VaultInfo>('createVault', { path: root, name: 'Full disk' });
    if (!created.ok) throw new Error(`createVault on the tmpfs failed: ${created.error?.message}`);
    const note = await bench.api<NoteDetail>('createNote', { title: 'Field notes', body: 'The first version.\n' });
    if (!note.ok || !note.value) throw new Error(`createNote on the tmpfs failed: ${note.error?.message}`);
    const id = note.value.id;
    const { bavail, bsize } = await fs.statfs(disk);
    await fs.writeFile(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 100_000)));

    await measure(bench, save, async () => {
      for (let i = 0; i < 5; i++) {
        const before = await snapshot(root);
        const current = await bench.api<NoteDetail>('getNote', { id });
        const reply = await bench.api('saveNote', { id, title: 'Field notes', body: `${'Hà Nội '.repeat(44_000)}(${i})\n`, tags: [], baseRevision: current.value?.revision });
        const changes = compare(before, await snapshot(root));
        save.lose(losses(changes), `attempt ${i + 1}`);
        const message = reply.error?.message ?? (reply.ok ? 'saved, on a full disk' : reply.body);
        const reread = await bench.api<NoteDetail>('getNote', { id });
        const intact = reread.value?.body === 'The first version.\n';
        const why = reply.ok ? 'the save claims success' : !/disk is full/i.test(message) ? 'the message does not say the disk is full' : changes.added.length ? `left behind: ${changes.added.join(', ')}` : 'the note no longer reads its first version';
        save.attempt(!reply.ok && /disk is full/i.test(message) && changes.added.length === 0 && intact, message, why);
      }
    });

    await fs.appendFile(path.join(disk, 'filler'), Buffer.alloc(60_000)).catch(() => undefined);
    const article = Array.from({ length: 240 }, (_, i) => paragraph(i)).join('\n\n');
    await measure(bench, load, async () => {
      for (let i = 0; i < 5; i++) {
        const before = await snapshot(root);
        const reply = await bench.api<ImportResult>('importFile', { name: `article-${i}.txt`, dataBase64: Buffer.from(`${article}\n(${i})`).toString('base64') });
        const changes = compare(before, await snapshot(root));
        load.lose(losses(changes), `attempt ${i + 1}`);
        const message = outcome(reply);
        const failed = reply.value?.status === 'failed' || !reply.ok;
        const why = !failed ? 'the import claims success' : !/disk is full/i.test(message) ? 'the reason does not say the disk is full' : `left behind (orphan original, source or temp file): ${changes.added.join(', ')}`;
        load.attempt(failed && /disk is full/i.test(message) && changes.added.length === 0, message, why);
      }
      const sources = await bench.api<unknown[]>('listSources');
      if ((sources.value?.length ?? 0) !== 0) load.defect(`listSources shows ${sources.value?.length} source(s) after the failed imports`);
    });
    load.extras.push(`article: ${(Buffer.byteLength(article) / 1024).toFixed(0)} KB; free space before: ~40 KB`);
  } finally {
    await backToMain(bench).catch((error: unknown) => save.defect(String(error)));
    try {
      execFileSync('umount', [disk], { stdio: 'ignore' });
    } catch {
      execFileSync('umount', ['-l', disk], { stdio: 'ignore' });
      save.defect('the tmpfs was still busy after the vault was closed (lazy unmount used)');
    }
  }
  return [save, load];
}

// ---------------------------------------------------------------------------------------------
// Row 3: what a browser puts on the clipboard, pasted three times.

export async function pasteFragments(bench: Bench): Promise<Row> {
  const row = new Row(3, 'Paste of browser fragments without <title> (h1 / no heading / one span), 3× each');
  await backToMain(bench);
  const fragments: [string, string][] = [
    ['with an <h1>', `<meta charset="utf-8">${PAYLOAD}<h1>Ministers meet in Vientiane</h1><p>${paragraph(1)}</p><p>${paragraph(2)}</p>`],
    ['with no heading', `<meta charset="utf-8"><div>${PAYLOAD}<p>${paragraph(3)}</p><p>${paragraph(4)} A second paragraph.</p></div>`],
    ['of one short span', `<span>Trafficking in the Mekong: six countries meet again in Vientiane to agree on a plan.</span>${PAYLOAD}`],
  ];
  await measure(bench, row, async () => {
    for (const [what, html] of fragments) {
      const before = await snapshot(bench.mainVault);
      let firstAdded: string[] = [];
      let sourceId = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const reply = await bench.api<ImportResult>('importPaste', { html });
        const result = reply.value;
        const changes = compare(before, await snapshot(bench.mainVault));
        row.lose(losses(changes, (f) => f.startsWith('.carnet/')), `${what}, try ${attempt + 1}`);
        const message = outcome(reply);
        if (attempt === 0) {
          firstAdded = changes.added;
          const titled = result?.status === 'imported' && result.title.trim() !== '';
          if (result?.status === 'imported') sourceId = result.sourceId;
          const untitled = changes.added.filter((f) => /untitled/i.test(f));
          row.attempt(titled && untitled.length === 0, message, !titled ? `${what}: not imported under a title` : `${what}: files named untitled: ${untitled.join(', ')}`);
        } else {
          const extra = changes.added.filter((f) => !firstAdded.includes(f));
          row.attempt(result?.status === 'duplicate' && extra.length === 0, message, result?.status !== 'duplicate' ? `${what}: retry not recognised as a duplicate (${result?.status ?? 'error'})` : `${what}: retry left files: ${extra.join(', ')}`);
        }
      }
      if (sourceId) {
        const stored = await bench.api<SourceDetail>('getSource', { id: sourceId });
        if (/<script|onerror/i.test(stored.value?.body ?? '')) row.escape([`${what}: the stored body keeps markup from the page: ${stored.value?.body.slice(0, 120)}`], 'stored body');
      }
    }
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 4: Markdown whose front matter speaks its own dialect.

export async function oddMarkdown(bench: Bench): Promise<Row> {
  const row = new Row(4, 'Markdown with odd lang: (en-US, fr_FR, FR, English, Français) and url: javascript:');
  await backToMain(bench);
  const expected: Record<string, string> = { 'en-US': 'en', fr_FR: 'fr', FR: 'fr', English: 'en', Français: 'fr' };
  await measure(bench, row, async () => {
    const problemsBefore = (await bench.api<Problem[]>('listProblems')).value ?? [];
    for (const [i, [lang, code]] of Object.entries(expected).entries()) {
      const before = await snapshot(bench.mainVault);
      const text = `---\ntitle: Odd metadata ${i}\nlang: ${lang}\nurl: javascript:alert(1)\n---\n\n${paragraph(100 + i)}\n\n${paragraph(200 + i)}\n`;
      const reply = await bench.api<ImportResult>('importFile', { name: `odd-${i}.md`, dataBase64: Buffer.from(text).toString('base64') });
      row.lose(losses(compare(before, await snapshot(bench.mainVault)), (f) => f.startsWith('.carnet/')), `lang ${lang}`);
      const result = reply.value;
      if (result?.status !== 'imported') {
        row.attempt(false, outcome(reply), `lang ${lang}: not imported`);
        continue;
      }
      const source = (await bench.api<SourceDetail>('getSource', { id: result.sourceId })).value;
      const file = source ? await fs.readFile(path.join(bench.mainVault, source.path), 'utf8') : '';
      const javascript = /javascript:/i.test(file) || /javascript:/i.test(source?.url ?? '');
      if (javascript) row.escape([`lang ${lang}: a javascript: address was stored in ${source?.path}`], 'stored url');
      const message = `Imported as "${result.title}", language "${lang}" stored as "${source?.language ?? ''}", address ${source?.url ? `"${source.url}"` : 'dropped'}`;
      row.attempt(source?.language === code && !javascript, message, `lang ${lang}: stored language "${source?.language}", expected "${code}"`);
    }
    const problemsAfter = (await bench.api<Problem[]>('listProblems')).value ?? [];
    const fresh = problemsAfter.filter((p) => !problemsBefore.some((q) => q.path === p.path));
    if (fresh.length) row.defect(`listProblems is not empty after the imports: ${fresh.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`);
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 5: front matter edited by hand to point a source's original at the vault's own files.

export async function handEditedOriginal(bench: Bench): Promise<Row> {
  const row = new Row(5, 'Delete a source whose front matter says original: carnet.json / notes / codebook.json / sources/originals / ../outside.txt');
  await backToMain(bench);
  await measure(bench, row, async () => {
    for (const [i, original] of ['carnet.json', 'notes', 'codebook.json', 'sources/originals', '../outside.txt'].entries()) {
      const imported = await bench.api<ImportResult>('importFile', { name: `victim-${i}.txt`, dataBase64: Buffer.from(`Victim ${i}\n\n${paragraph(300 + i)}\n`).toString('base64') });
      if (imported.value?.status !== 'imported') throw new Error(`could not import the victim source: ${outcome(imported)}`);
      const id = imported.value.sourceId;
      const source = (await bench.api<SourceDetail>('getSource', { id })).value as SourceDetail;
      const ownOriginal = source.original ?? '';
      const file = path.join(bench.mainVault, source.path);
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^original: .*$/m, `original: ${JSON.stringify(original)}`));
      const seen = await until(async () => (await bench.api<SourceDetail>('getSource', { id })).value?.original === original);
      if (!seen) row.defect(`original: ${original}: the hand edit was not picked up by the watcher within 10 s`);
      const problem = ((await bench.api<Problem[]>('listProblems')).value ?? []).find((p) => p.path === source.path);

      const before = await snapshot(bench.mainVault);
      const deleted = await bench.api<TrashEntry>('deleteItem', { kind: 'source', id });
      const mine = (f: string) => f === source.path || f === ownOriginal || f === `sources/originals/${path.basename(ownOriginal)}` || f.startsWith('.carnet/');
      row.lose(losses(compare(before, await snapshot(bench.mainVault)), mine), `original: ${original}`);
      const readOnly = await bench.api<VaultInfo>('openVault', { path: bench.mainVault, readOnly: true });
      const reopened = await bench.api<VaultInfo>('openVault', { path: bench.mainVault });
      const restored = deleted.ok && deleted.value ? await bench.api('restoreFromTrash', { id: deleted.value.id }) : null;
      const back = restored?.ok ? await until(async () => (await bench.api('getSource', { id })).ok, 5000) : false;
      const message = problem?.message.en ?? (deleted.ok ? `Moved to the trash: ${deleted.value?.files.join(', ')}` : (deleted.error?.message ?? deleted.body));
      const why = !deleted.ok ? `deleteItem refused: ${deleted.error?.message}` : !readOnly.ok || !reopened.ok ? `the vault did not open again: ${readOnly.error?.message ?? reopened.error?.message}` : !restored?.ok ? `restoreFromTrash failed: ${restored?.error?.message}` : 'the restored source is not listed';
      row.attempt(deleted.ok && readOnly.ok && reopened.ok && back, message, `original: ${original}: ${why}`);
    }
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Row 6: a YAML "billion laughs" arriving while the vault is open, with an ordinary note.

export function aliasBomb(id: string): string {
  const lines = ['---', `id: ${id}`, 'title: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level++) lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(`*${names[level - 1]}`).join(',')}]`);
  lines.push('created: 2025-11-19T10:00:00Z', 'updated: 2025-11-19T10:00:00Z', '---', 'body', '');
  return lines.join('\n');
}

export async function yamlBomb(bench: Bench): Promise<Row> {
  const row = new Row(6, 'YAML alias bomb (9 levels × 9 aliases) dropped into notes/ with a normal note; reopen');
  await backToMain(bench);
  const notes = path.join(bench.mainVault, 'notes');
  await measure(bench, row, async (lap) => {
    for (let i = 0; i < 3; i++) {
      const before = await snapshot(bench.mainVault);
      await Promise.all([
        fs.writeFile(path.join(notes, `bomb-${i}.md`), aliasBomb(`bomb-${i}`)),
        fs.writeFile(path.join(notes, `plain-${i}.md`), `---\nid: plain-${i}\ntitle: Plain ${i}\ncreated: 2025-11-19T10:00:00Z\nupdated: 2025-11-19T10:00:00Z\n---\nText ${i}\n`),
      ]);
      let problem: Problem | undefined;
      const seen = await until(async () => {
        const listed = ((await bench.api<NoteSummary[]>('listNotes')).value ?? []).some((n) => n.id === `plain-${i}`);
        problem = ((await bench.api<Problem[]>('listProblems')).value ?? []).find((p) => p.path === `notes/bomb-${i}.md`);
        return listed && problem !== undefined;
      }, 15_000);
      const started = performance.now();
      const readOnly = await bench.api<VaultInfo>('openVault', { path: bench.mainVault, readOnly: true });
      const reopened = await bench.api<VaultInfo>('openVault', { path: bench.mainVault });
      const reopenMs = performance.now() - started;
      const stillListed = ((await bench.api<Problem[]>('listProblems')).value ?? []).some((p) => p.path === `notes/bomb-${i}.md`);
      row.lose(losses(compare(before, await snapshot(bench.mainVault)), (f) => f.startsWith('.carnet/')), `bomb ${i}`);
      const figures = await lap();
      row.extras.push(`bomb ${i}: both files seen, then closed and reopened twice in ${reopenMs.toFixed(0)} ms (worst ping ${figures.pingMs.toFixed(0)} ms)`);
      const why = !seen ? 'the plain note or the bomb problem did not appear within 15 s' : !readOnly.ok || !reopened.ok ? `reopening failed: ${readOnly.error?.message ?? reopened.error?.message}` : 'the bomb is no longer listed after reopening';
      row.attempt(seen && readOnly.ok && reopened.ok && stillListed, problem?.message.en ?? '', why);
    }
  });
  for (let i = 0; i < 3; i++) for (const name of [`bomb-${i}.md`, `plain-${i}.md`]) await fs.rm(path.join(notes, name), { force: true });
  return row;
}
