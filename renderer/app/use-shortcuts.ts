import { useEffect } from 'react';
import type { MenuCommand } from '../../electron/api.ts';

/**
 * The keyboard shortcuts, for the browser front. Under Electron the native menu owns the same
 * accelerators and the key never reaches the page, so a command never runs twice.
 */
export function useShortcuts(run: (command: MenuCommand) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      let command: MenuCommand | null = null;
      // Alt+N too: a web browser keeps Ctrl+N (a new window) for itself.
      if ((mod || (event.altKey && event.code === 'KeyN')) && !event.shiftKey && !(mod && event.altKey) && (event.key.toLowerCase() === 'n' || event.code === 'KeyN')) command = 'newNote';
      else if (mod && event.shiftKey && event.key.toLowerCase() === 'i') command = 'import';
      else if (mod && !event.shiftKey && event.key.toLowerCase() === 'k') command = 'quickOpen';
      else if (mod && event.shiftKey && event.key.toLowerCase() === 'f') command = 'searchPane';
      else if (mod && event.shiftKey && event.key.toLowerCase() === 'n') command = 'createVault';
      else if (mod && !event.shiftKey && event.key.toLowerCase() === 'o') command = 'openVault';
      else if (mod && event.shiftKey && event.code === 'Backslash') command = 'toggleSplit';
      else if (mod && event.key === '\\') command = 'toggleDetails';
      else if (event.altKey && !mod && event.key === 'ArrowLeft') command = 'back';
      else if (event.altKey && !mod && event.key === 'ArrowRight') command = 'forward';
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}
