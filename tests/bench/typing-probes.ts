/**
 * Probes the typing benchmark installs in the page (passed to page.evaluate, so each function is
 * self-contained: no closure over this module). The Node tsconfig has no DOM types, so the little
 * of the DOM they use is typed here.
 *
 * "Next paint" is approximated the usual way: a requestAnimationFrame callback runs just before
 * the frame is rendered, and a MessageChannel message posted from it is delivered in the first task
 * after that frame, i.e. once the frame's style, layout and paint work is done.
 */

export interface KeySamples {
  /** keydown handler (capture, on window) → next paint, ms. */
  handler: number[];
  /** the event's own timeStamp → next paint, ms: also counts the time the key waited in the input queue. */
  queued: number[];
  /**
   * Each editor transaction (ProseMirror's `view.dispatch`: state update, plugins, DOM update, and
   * the React updates it triggers synchronously), ms: the editor's own cost per keystroke, without
   * the browser's style, layout and paint, nor the wait for the display's next frame.
   */
  work: number[];
}

export interface OpenSample {
  /** click → the last paragraph's text is in the editor's DOM, ms. */
  shown: number;
  /** click → the next paint after that, ms. */
  painted: number;
}

interface Channel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage: (message: null) => void };
}

interface Page {
  document: {
    body: object;
    addEventListener: (type: 'click', listener: () => void, options: { capture: boolean; once: boolean }) => void;
    querySelector: (selector: string) => { lastElementChild: { textContent: string | null } | null } | null;
  };
  addEventListener: (type: 'keydown', listener: (event: { timeStamp: number }) => void, options: { capture: boolean }) => void;
  requestAnimationFrame: (callback: () => void) => number;
  setTimeout: (callback: () => void, ms: number) => number;
  MessageChannel: new () => Channel;
  MutationObserver: new (callback: () => void) => { observe: (target: object, options: Record<string, boolean>) => void; disconnect: () => void };
  __typingBenchKeys?: KeySamples;
  __typingBenchOpen?: Promise<OpenSample>;
}

/** Arms the open probe: the next click starts the clock, the editor's last block showing `lastText` stops it. */
export function armOpenProbe(lastText: string): void {
  const page = globalThis as unknown as Page;
  page.__typingBenchOpen = new Promise<OpenSample>((resolve) => {
    let clickedAt = -1;
    page.document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
    const observer = new page.MutationObserver(() => {
      if (clickedAt < 0) return;
      const last = page.document.querySelector('.ProseMirror')?.lastElementChild?.textContent ?? '';
      if (!last.includes(lastText)) return;
      observer.disconnect();
      const shown = performance.now() - clickedAt;
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => resolve({ shown, painted: performance.now() - clickedAt });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(page.document.body, { childList: true, subtree: true, characterData: true });
    page.setTimeout(() => {
      observer.disconnect();
      resolve({ shown: Number.NaN, painted: Number.NaN });
    }, 30_000);
  });
}

export function openProbeResult(): Promise<OpenSample> | undefined {
  return (globalThis as unknown as Page).__typingBenchOpen;
}

/** Installs the keystroke probe once: every keydown gets a "keydown → next paint" sample. */
export function installKeyProbe(): void {
  const page = globalThis as unknown as Page;
  if (page.__typingBenchKeys) return;
  const samples: KeySamples = { handler: [], queued: [], work: [] };
  page.__typingBenchKeys = samples;
  // TipTap puts the editor on its element; wrapping the view's dispatch times every transaction.
  const view = (page.document.querySelector('.ProseMirror') as unknown as { editor?: { view: { dispatch: (tr: unknown) => void } } } | null)?.editor?.view;
  if (view) {
    const dispatch = view.dispatch.bind(view);
    view.dispatch = (tr: unknown) => {
      const before = performance.now();
      dispatch(tr);
      samples.work.push(performance.now() - before);
    };
  }
  page.addEventListener(
    'keydown',
    (event) => {
      const start = performance.now();
      const stamp = event.timeStamp;
      page.requestAnimationFrame(() => {
        const channel = new page.MessageChannel();
        channel.port1.onmessage = () => {
          const end = performance.now();
          samples.handler.push(end - start);
          samples.queued.push(end - stamp);
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/** The samples so far, emptied for the next run. */
export function takeKeySamples(): KeySamples {
  const page = globalThis as unknown as Page;
  const samples = page.__typingBenchKeys ?? { handler: [], queued: [], work: [] };
  const taken = { handler: samples.handler.splice(0), queued: samples.queued.splice(0), work: samples.work.splice(0) };
  return taken;
}
