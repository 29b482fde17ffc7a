/**
 * File names from titles: ASCII, lowercase, hyphenated, short enough for every file system,
 * and readable (`hanoi-accueille-la-conference.md`), since the vault is meant to be browsed by hand.
 */
export function slugify(title: string, maxLength = 60): string {
  const folded = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (folded.length <= maxLength) return folded || 'untitled';
  // Too long: cut at the last whole word that fits.
  return folded.slice(0, maxLength).replace(/-+[^-]*$/, '').replace(/-+$/g, '') || 'untitled';
}

/** The first of `base`, `base-2`, `base-3`… that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
