/**
 * Child process for the crash tests: saves forever, alternating two large contents, until killed.
 * argv: mode ("atomic" FILE | "vault" VAULT NOTE_ID), then the two contents' lengths.
 */
import { atomicWrite } from '../../electron/vault/atomic-write.ts';
import { Vault } from '../../electron/vault/vault.ts';
import { contentFor } from './crash-contents.ts';

const [mode, target, noteId] = process.argv.slice(2);
if (mode === 'atomic' && target) {
  process.send?.('ready');
  for (let i = 0; ; i++) await atomicWrite(target, contentFor(i % 2));
} else if (mode === 'import' && target) {
  // Imports write an original then a source: a kill between the two must leave neither.
  const vault = await Vault.open(target, { watch: false });
  process.send?.('ready');
  for (let i = 0; ; i++) {
    await vault.addSource({ title: `Article ${process.pid} ${i}`, authors: [] }, contentFor(i % 2).slice(0, 200_000), { bytes: Buffer.from(contentFor(i % 2)), extension: 'txt' });
  }
} else if (mode === 'vault' && target && noteId) {
  const vault = await Vault.open(target, { watch: false });
  let revision = vault.getNote(noteId).revision;
  process.send?.('ready');
  for (let i = 0; ; i++) {
    const saved = await vault.saveNote(noteId, { title: `Version ${i % 2}`, body: contentFor(i % 2), tags: [] }, revision);
    revision = saved.revision;
  }
}
