import type { ExportedFile } from '../../electron/api.ts';

/**
 * Saves an export the way a page saves a file (a download): the web front's browser puts it in its
 * downloads, the desktop app asks where. Nothing is fetched: the file is made in the page.
 */
export function saveExportedFile(file: ExportedFile): void {
  const blob = file.base64 !== undefined ? new Blob([bytesOf(file.base64)], { type: file.mediaType }) : new Blob([file.text ?? ''], { type: `${file.mediaType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data by the next task.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
