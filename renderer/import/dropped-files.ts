/**
 * Files from a drop, a file picker or a folder picker, with folders walked recursively.
 * Only the formats Carnet imports are taken from folders (the Node side checks again).
 */

export const IMPORTABLE = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'mhtml', 'mht', 'pdf', 'docx', 'odt', 'eml'];

export function isImportable(name: string): boolean {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match !== null && IMPORTABLE.includes(match[1]!.toLowerCase());
}

export interface PickedFiles {
  files: File[];
  /** Files inside folders in other formats, left out. */
  skipped: number;
}

export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFiles> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => entry !== null && entry !== undefined);
  if (entries.length === 0) return { files: Array.from(transfer.files), skipped: 0 };
  const picked: PickedFiles = { files: [], skipped: 0 };
  for (const entry of entries) await walk(entry, picked, true);
  return picked;
}

/** From `<input type=file webkitdirectory>`: every file of the folder, filtered by format. */
export function filesFromFolderInput(list: FileList): PickedFiles {
  const files = Array.from(list).filter((f) => !f.webkitRelativePath.split('/').some((part) => part.startsWith('.')));
  const kept = files.filter((f) => isImportable(f.name));
  return { files: kept, skipped: files.length - kept.length };
}

async function walk(entry: FileSystemEntry, picked: PickedFiles, named: boolean): Promise<void> {
  if (entry.name.startsWith('.') && !named) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // A file dropped by itself is always tried (and gets a reason if it fails); inside folders, only known formats.
    if (named || isImportable(file.name)) picked.files.push(file);
    else picked.skipped++;
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, picked, false);
    }
  }
}

/** The file's bytes as base64, for the contract (the same on IPC and HTTP). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}
