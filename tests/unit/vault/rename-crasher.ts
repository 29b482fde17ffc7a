/**
 * Child process for the interrupted-rename tests: renames a note and is SIGKILLed at a chosen step.
 * argv: VAULT NOTE_ID NEW_TITLE STEP. The steps, in order: 0 writing the rename's record (before its
 * commit), then each file put into notes/ (a write or a removal), 1-based.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Vault } from '../../../electron/vault/vault.ts';

const [root = '', noteId = '', title = '', stepText = '0'] = process.argv.slice(2);
const step = Number(stepText);
const notes = path.join(path.resolve(root), 'notes');
let seen = 0;
let armed = false;

/** Dies at the chosen step, without running a line more (SIGKILL cannot be caught, like a power cut). */
function reached(): Promise<never> | null {
  if (!armed || seen++ !== step) return null;
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => undefined);
}

const { open, rename, link, rm } = fs;
fs.open = ((file: Parameters<typeof open>[0], ...rest: unknown[]) => {
  const name = String(file);
  if (name.includes(`${path.sep}pending${path.sep}`) && name.endsWith('.json')) return reached() ?? open(file, ...(rest as []));
  return open(file, ...(rest as []));
}) as typeof open;
const intoNotes = (target: unknown) => path.dirname(String(target)) === notes && !String(target).includes('.carnet-tmp-');
fs.rename = ((from: string, to: string) => (intoNotes(to) ? (reached() ?? rename(from, to)) : rename(from, to))) as typeof rename;
fs.link = ((from: string, to: string) => (intoNotes(to) ? (reached() ?? link(from, to)) : link(from, to))) as typeof link;
fs.rm = ((target: string, options?: Parameters<typeof rm>[1]) => (intoNotes(target) ? (reached() ?? rm(target, options)) : rm(target, options))) as typeof rm;

const vault = await Vault.open(root, { watch: false });
const note = vault.getNote(noteId);
armed = true;
await vault.saveNote(noteId, { title, body: note.body, tags: note.tags }, note.revision);
// Not reached when the step was: the parent treats an exit as "the rename finished before the kill".
await vault.close();
