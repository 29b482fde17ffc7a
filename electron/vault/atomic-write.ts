import writeFileAtomic from 'write-file-atomic';

/**
 * Writes through a temporary file in the same folder, fsynced, then renamed over the target:
 * a crash at any instant leaves the old or the new content, never a mix.
 * The temporary name is `<file>.<hex>`, which the watcher ignores because it does not end in .md or .json.
 */
export async function atomicWrite(file: string, content: string | Uint8Array): Promise<void> {
  await writeFileAtomic(file, typeof content === 'string' ? content : Buffer.from(content), { fsync: true });
}
