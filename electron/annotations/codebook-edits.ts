import { CarnetError } from '../core/carnet-error.ts';
import { slugify, uniqueSlug } from '../vault/slug.ts';
import { foldName } from '../vault/text-fold.ts';
import type { Code } from '../vault/vault-schemas.ts';
import { CodeTree } from './code-tree.ts';
import { rawCodes, withCodes, type CodebookDoc, type JsonObject } from './coded-docs.ts';

/** Creating, renaming, recolouring, describing and moving codes: the codebook alone changes. */

/** Distinct on light and dark themes; a new code takes the one least used so far. */
export const CODE_PALETTE = ['#2563eb', '#d97706', '#059669', '#dc2626', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#a16207'];

export interface NewCode {
  name: string;
  color?: string;
  description?: string;
  parent?: string;
}

export interface CodeChange {
  name?: string;
  color?: string;
  description?: string;
  /** null: to the top level. */
  parent?: string | null;
}

export function pickColor(codes: readonly Code[]): string {
  const uses = new Map(CODE_PALETTE.map((c) => [c, 0]));
  for (const code of codes) {
    const color = code.color.toLowerCase();
    const count = uses.get(color);
    if (count !== undefined) uses.set(color, count + 1);
  }
  // Ties go to the palette's order, so that the first codes get the most distinct colours.
  let best = CODE_PALETTE[0] as string;
  for (const color of CODE_PALETTE) if ((uses.get(color) ?? 0) < (uses.get(best) ?? 0)) best = color;
  return best;
}

/** A readable id from the name (`code-ha-noi`); `taken` holds every id already in use, in the codebook or on a passage. */
export function newCodeId(name: string, taken: ReadonlySet<string>): string {
  const base = `code-${slugify(name, 40)}`;
  return uniqueSlug(base, (id) => taken.has(id));
}

export function createCodeEdit(book: CodebookDoc, input: NewCode, taken: ReadonlySet<string>): { book: CodebookDoc; code: Code } {
  const name = input.name.trim();
  if (input.parent !== undefined) findCode(book.codes, input.parent);
  assertNameFree(book.codes, name, input.parent);
  const id = newCodeId(name, new Set([...taken, ...book.codes.map((c) => c.id)]));
  const raw: JsonObject = { id, name, color: (input.color ?? pickColor(book.codes)).toLowerCase(), description: input.description ?? '' };
  if (input.parent !== undefined) raw.parent = input.parent;
  const next = withCodes(book, [...rawCodes(book), raw]);
  return { book: next, code: findCode(next.codes, id) };
}

export function updateCodeEdit(book: CodebookDoc, id: string, change: CodeChange): { book: CodebookDoc; code: Code } {
  const code = findCode(book.codes, id);
  const parent = change.parent === undefined ? code.parent : (change.parent ?? undefined);
  if (parent !== undefined && parent !== code.parent) {
    const target = findCode(book.codes, parent);
    if (new CodeTree(book.codes).descendantsOrSelf(id).has(parent)) {
      const where = parent === id ? { en: 'itself', fr: 'lui-même' } : { en: `its own sub-code "${target.name}"`, fr: `son propre sous-code « ${target.name} »` };
      throw new CarnetError('invalid-input', {
        en: `Cannot move "${code.name}" under ${where.en}: a code cannot sit inside itself. Nothing was changed; choose another parent.`,
        fr: `Impossible de placer « ${code.name} » sous ${where.fr} : un code ne peut pas se trouver dans lui-même. Rien n’a été modifié ; choisissez un autre parent.`,
      });
    }
  }
  const name = change.name?.trim() ?? code.name;
  if (foldName(name) !== foldName(code.name) || parent !== code.parent) assertNameFree(book.codes, name, parent, id);
  const codes = rawCodes(book).map((raw) => {
    if (raw.id !== id) return raw;
    const edited: JsonObject = { ...raw, name };
    if (change.color !== undefined) edited.color = change.color.toLowerCase();
    if (change.description !== undefined) edited.description = change.description;
    if (parent === undefined) delete edited.parent;
    else edited.parent = parent;
    return edited;
  });
  const next = withCodes(book, codes);
  return { book: next, code: findCode(next.codes, id) };
}

export function findCode(codes: readonly Code[], id: string): Code {
  const code = codes.find((c) => c.id === id);
  if (!code) {
    throw new CarnetError('not-found', {
      en: `No code with id "${id}" in the codebook: it may have been deleted or merged meanwhile.`,
      fr: `Aucun code d’identifiant « ${id} » dans le livre de codes : il a peut-être été supprimé ou fusionné entre-temps.`,
    });
  }
  return code;
}

/** Two codes side by side may not share a name, as people see it: case and accents do not count. */
export function assertNameFree(codes: readonly Code[], name: string, parent: string | undefined, except?: string): void {
  const key = foldName(name);
  const tree = new CodeTree(codes);
  const clash = codes.find((c) => c.id !== except && tree.parentOf(c.id) === parent && foldName(c.name) === key);
  if (!clash) return;
  const under = parent === undefined ? null : codes.find((c) => c.id === parent)?.name;
  throw new CarnetError('conflict', {
    en: `A code named "${clash.name}" already exists ${under ? `under "${under}"` : 'at the top level'}. Choose another name, or merge the two codes.`,
    fr: `Un code nommé « ${clash.name} » existe déjà ${under ? `sous « ${under} »` : 'au premier niveau'}. Choisissez un autre nom, ou fusionnez les deux codes.`,
  });
}
