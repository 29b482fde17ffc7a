import type { Vault } from './vault.ts';
import type { Problem } from './vault-records.ts';
import { originalFileOf } from './source-meta.ts';

/**
 * Everything wrong with a vault, for `carnet check` and the UI's problem list: the files that do
 * not parse, plus annotations that point at a missing source or code, or no longer match their text.
 */
export function checkVault(vault: Vault): Problem[] {
  const problems = [...vault.problems()];
  const codes = new Set(vault.codebook().codes.map((c) => c.id));
  const sources = new Map(vault.listSources().map((s) => [s.id, s]));
  for (const code of vault.codebook().codes) {
    if (code.parent && !codes.has(code.parent)) problems.push({ path: 'codebook.json', message: `The code "${code.name}" has a parent "${code.parent}" that is not in the codebook.` });
  }
  for (const orphan of vault.orphanAnnotationFiles()) {
    problems.push({ path: orphan.path, message: `These annotations belong to source "${orphan.sourceId}", which is not in the vault.` });
  }
  for (const source of sources.values()) {
    if (source.original && !originalFileOf(source)) {
      problems.push({ path: source.path, message: `Its "original: ${source.original.slice(0, 120)}" is not a file in sources/originals/: Carnet ignores it, and deleting this source leaves that path alone. Correct or remove the line.` });
    }
    const { annotations } = vault.listAnnotations(source.id);
    if (annotations.length === 0) continue;
    const body = vault.getSource(source.id).body;
    const path = vault.annotationFilePath(source.id);
    for (const annotation of annotations) {
      const unknown = annotation.codes.filter((c) => !codes.has(c));
      if (unknown.length) problems.push({ path, message: `Annotation ${annotation.id} uses codes not in the codebook: ${unknown.join(', ')}.` });
      const { start, end } = annotation.position;
      if (body.slice(start, end) !== annotation.quote.exact && !body.includes(annotation.quote.exact)) {
        problems.push({ path, message: `Annotation ${annotation.id} quotes text that is no longer in the source ("${annotation.quote.exact.slice(0, 60)}").` });
      }
    }
  }
  return problems;
}
