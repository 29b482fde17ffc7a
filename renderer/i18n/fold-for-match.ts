/** Case- and accent-insensitive matching for filter boxes: `hanoi` finds `Hà Nội`. */
export function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
