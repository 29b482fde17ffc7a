/**
 * Ctrl/Cmd+K is Quick Open, and in a note's text it edits the link under the caret, as in every
 * editor. The command dispatches this cancelable event on `window` first; a focused note cancels it.
 */
export const LINK_REQUEST = 'carnet:link-request';
