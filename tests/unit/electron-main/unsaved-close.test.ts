import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardUnsavedClose, RETRY_CLOSE_MS } from '../../../electron/unsaved-close.ts';

/** A window whose page holds the close while a note is unsaved, with a clock the test moves. */
function fakeWindow(answer: boolean) {
  let listener: ((event: { preventDefault: () => void }) => void) | null = null;
  let clock = 0;
  const timers: { at: number; run: () => void }[] = [];
  const log: string[] = [];
  guardUnsavedClose({
    onPreventUnload: (l) => (listener = l),
    close: () => log.push('close'),
    askCloseAnyway: (words) => {
      log.push(`ask: ${words.message}`);
      return answer;
    },
    language: () => 'fr',
    setTimeout: (run, ms) => timers.push({ at: clock + ms, run }),
    now: () => clock,
  });
  return {
    log,
    /** The page held a close: returns whether the window closes anyway (Electron's preventDefault). */
    held(): boolean {
      let closes = false;
      listener?.({ preventDefault: () => (closes = true) });
      return closes;
    },
    wait(ms: number) {
      clock += ms;
      for (const timer of timers.splice(0)) if (timer.at <= clock) timer.run();
        else timers.push(timer);
    },
  };
}

test('closing with typing not yet saved waits for the save, then closes, without a question', () => {
  const window = fakeWindow(false);
  assert.equal(window.held(), false, 'the first close waits');
  window.wait(RETRY_CLOSE_MS);
  assert.deepEqual(window.log, ['close'], 'and closes again once the save had time');
});

test('a note that could not be saved asks before anything is lost, in the user’s language', () => {
  const stays = fakeWindow(false);
  stays.held();
  stays.wait(RETRY_CLOSE_MS);
  assert.equal(stays.held(), false, 'the user chose to stay: the window stays');
  assert.match(stays.log[1] ?? '', /^ask: Une note a des modifications/);
  const leaves = fakeWindow(true);
  leaves.held();
  leaves.wait(RETRY_CLOSE_MS);
  assert.equal(leaves.held(), true, 'the user chose to close: the window closes');
  leaves.wait(10_000);
  assert.equal(leaves.held(), false, 'a later close, once the note is saved again, waits for its save as the first did');
});
