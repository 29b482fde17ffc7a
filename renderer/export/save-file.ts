/**
 * Saves text as a file the way a page does (a download): the web front's browser puts it in its
 * downloads, the desktop app asks where. Nothing is fetched: the file is made in the page.
 */
export function saveTextFile(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the data by the next task.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
