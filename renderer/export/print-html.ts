/**
 * Prints an exported note (its self-contained HTML, with a print stylesheet) through the browser's
 * print, which offers "Save as PDF" in Chromium, Electron's print dialog and every OS. The HTML goes
 * into a sandboxed frame that runs no script; the frame is removed once the print dialog closes.
 */
export function printHtml(html: string, title: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.title = title;
    // Same origin so that the page can call print(); no allow-scripts, so nothing in the note runs.
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (!view) {
          frame.remove();
          reject(new Error('print'));
          return;
        }
        view.addEventListener('afterprint', () => window.setTimeout(() => frame.remove(), 0), { once: true });
        view.focus();
        view.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
