import { CodeTree } from '../annotations/code-tree.ts';
import { editDistance } from '../annotations/similarity.ts';
import { CarnetError } from '../core/carnet-error.ts';
import { foldName } from '../vault/text-fold.ts';
import type { Code } from '../vault/vault-schemas.ts';

/**
 * Codes as a terminal names them, for `carnet export --code`: by name or by path ("Parent/Child",
 * or with "›" as the app writes it), case and accents aside, or by id; several in one value
 * separated by commas (a name that itself holds a comma is tried whole first). A name the codebook
 * lacks is refused with the names closest to it.
 */

export function codeIdsByName(codes: Code[], values: string[]): string[] {
  const tree = new CodeTree(codes);
  const names = new Map(codes.map((code) => [code.id, code.name]));
  const pathOf = (id: string) => [...tree.ancestorsOrSelf(id)].reverse().map((at) => names.get(at) ?? at).join('/');
  const keyed = codes.map((code) => ({ id: code.id, name: foldName(code.name), path: pathKey(pathOf(code.id)), shown: pathOf(code.id) }));
  const find = (value: string): string[] => {
    const key = pathKey(value);
    return keyed.filter((code) => code.id === value.trim() || code.name === key || code.path === key).map((code) => code.id);
  };
  const ids = new Set<string>();
  for (const value of values) {
    const whole = find(value);
    const parts = whole.length > 0 ? [value] : value.split(',').filter((part) => part.trim() !== '');
    for (const part of parts) {
      const found = part === value ? whole : find(part);
      if (found.length === 0) throw unknownCode(part.trim(), keyed);
      for (const id of found) ids.add(id);
    }
  }
  return [...ids];
}

/** A path folded, its separators ("/", "›") made one. */
function pathKey(text: string): string {
  return text
    .split(/[/›]/)
    .map((part) => foldName(part))
    .join('/');
}

function unknownCode(name: string, codes: { name: string; path: string; shown: string }[]): CarnetError {
  const key = pathKey(name);
  const close = codes
    .map((code) => ({ shown: code.shown, distance: Math.min(editDistance(key, code.name), editDistance(key, code.path)), contains: key !== '' && (code.name.includes(key) || key.includes(code.name)) }))
    .filter((code) => code.contains || code.distance <= Math.max(2, Math.floor(key.length / 3)))
    .sort((a, b) => Number(b.contains) - Number(a.contains) || a.distance - b.distance)
    .slice(0, 5)
    .map((code) => `"${code.shown}"`);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : codes.length === 0 ? ' The vault has no codes.' : '';
  return new CarnetError('invalid-input', `No code is named "${name}".${hint} Run "carnet codes --vault DIR" for the list.`);
}
