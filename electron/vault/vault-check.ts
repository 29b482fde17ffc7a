import type { Vault } from './vault.ts';
import type { Problem } from './vault-records.ts';
import { originalFileOf } from './source-meta.ts';
import { annotationStates, shortQuote, type AnnotationStateEntry } from './annotation-states.ts';

/**
 * Everything wrong with a vault, for `carnet check` and the UI's problem list: the files that do
 * not parse, annotations that point at a missing source or code, or no longer match their text,
 * and links in notes that lead to no note.
 */
export function checkVault(vault: Vault, states: AnnotationStateEntry[] = annotationStates(vault)): Problem[] {
  const problems = [...vault.problems()];
  const codes = new Set(vault.codebook().codes.map((c) => c.id));
  const sources = new Map(vault.listSources().map((s) => [s.id, s]));
  for (const code of vault.codebook().codes) {
    if (code.parent && !codes.has(code.parent)) {
      problems.push({
        path: 'codebook.json',
        message: {
          en: `The code "${code.name}" has a parent "${code.parent}" that is not in the codebook. Choose another parent, or none.`,
          fr: `Le code « ${code.name} » a pour parent « ${code.parent} », absent du livre de codes. Choisissez un autre parent, ou aucun.`,
        },
      });
    }
  }
  for (const orphan of vault.orphanAnnotationFiles()) {
    problems.push({
      path: orphan.path,
      message: {
        en: `These annotations belong to source "${orphan.sourceId}", which is not in the vault. Restore the source from the trash, or move this file away.`,
        fr: `Ces annotations appartiennent à la source « ${orphan.sourceId} », absente du coffre. Restaurez la source depuis la corbeille, ou déplacez ce fichier.`,
      },
    });
  }
  for (const source of sources.values()) {
    if (source.original && !originalFileOf(source)) {
      const named = source.original.slice(0, 120);
      problems.push({
        path: source.path,
        message: {
          en: `Its "original: ${named}" is not a file in sources/originals/: Carnet ignores it, and deleting this source leaves that path alone. Correct or remove the line.`,
          fr: `Son « original: ${named} » n’est pas un fichier de sources/originals/ : Carnet l’ignore, et supprimer cette source laisse ce chemin intact. Corrigez ou retirez la ligne.`,
        },
      });
    }
    const { annotations } = vault.listAnnotations(source.id);
    if (annotations.length === 0) continue;
    const path = vault.annotationFilePath(source.id);
    for (const annotation of annotations) {
      const unknown = annotation.codes.filter((c) => !codes.has(c));
      if (unknown.length) {
        const list = unknown.join(', ');
        problems.push({
          path,
          message: { en: `Annotation ${annotation.id} uses codes not in the codebook: ${list}. Add them to the codebook, or remove them from the annotation.`, fr: `L’annotation ${annotation.id} utilise des codes absents du livre de codes : ${list}. Ajoutez-les au livre de codes, ou retirez-les de l’annotation.` },
        });
      }
    }
  }
  for (const entry of states) {
    if (entry.result.state !== 'orphan') continue;
    const quote = shortQuote(entry.annotation.quote.exact);
    problems.push({
      path: entry.annotationPath,
      message: {
        en: `Annotation ${entry.annotation.id} quotes text that is no longer in the source ${entry.sourcePath} ("${quote}"). Check the passage and anchor it again.`,
        fr: `L’annotation ${entry.annotation.id} cite un texte qui n’est plus dans la source ${entry.sourcePath} (« ${quote} »). Vérifiez le passage et ancrez-la de nouveau.`,
      },
    });
  }
  // A note that cannot be read may be the one a link names: then the link is not what needs fixing.
  const unreadableNotes = problems.some((p) => p.path.startsWith('notes/'));
  for (const link of vault.brokenNoteLinks()) {
    const target = link.target.slice(0, 120);
    problems.push({
      path: link.path,
      line: link.line,
      message: unreadableNotes
        ? {
            en: `Line ${link.line} links to "${target}", but no note Carnet can read has that title, alias or file name. If it is a note listed here as unreadable, fix that file; otherwise create the note, or correct the link.`,
            fr: `La ligne ${link.line} renvoie à « ${target} », mais aucune note lisible par Carnet n’a ce titre, cet alias ou ce nom de fichier. Si c’est une note signalée ici comme illisible, réparez ce fichier ; sinon créez la note, ou corrigez le lien.`,
          }
        : {
            en: `Line ${link.line} links to "${target}", but no note has that title, alias or file name. Create that note, or correct the link.`,
            fr: `La ligne ${link.line} renvoie à « ${target} », mais aucune note n’a ce titre, cet alias ou ce nom de fichier. Créez cette note, ou corrigez le lien.`,
          },
    });
  }
  return problems;
}

/**
 * Annotations whose passage was found again only approximately, or elsewhere: worth a look, but not
 * an error (`carnet check` lists them and keeps its exit code). Orphans are in checkVault.
 */
export function annotationReviews(vault: Vault, states: AnnotationStateEntry[] = annotationStates(vault)): Problem[] {
  const reviews: Problem[] = [];
  for (const entry of states) {
    if (entry.result.state !== 'needs-review') continue;
    const quote = shortQuote(entry.annotation.quote.exact);
    const found = shortQuote(entry.result.found);
    reviews.push({
      path: entry.annotationPath,
      message: {
        en: `Annotation ${entry.annotation.id} on ${entry.sourcePath} needs review: its passage ("${quote}") changed or moved; the closest text is "${found}". Check it and confirm the passage.`,
        fr: `L’annotation ${entry.annotation.id} sur ${entry.sourcePath} est à revoir : son passage (« ${quote} ») a changé ou s’est déplacé ; le texte le plus proche est « ${found} ». Vérifiez-le et confirmez le passage.`,
      },
    });
  }
  return reviews;
}
