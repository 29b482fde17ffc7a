/** Two contents large enough (2 MB) that a write takes a while, so that kills land mid-write. */
export function contentFor(version: number): string {
  const line = version === 0 ? 'Version zéro — Hà Nội, IMM6, 19/11/2025. ' : 'Version un — Phnom Penh, IMM4, Vương. ';
  return `${line.repeat(Math.ceil(2_000_000 / line.length))}\n`;
}
