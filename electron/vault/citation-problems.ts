import type { Vault } from './vault.ts';
import type { Problem } from './vault-records.ts';
import type { Citation } from './citation-records.ts';
import { shortQuote } from './annotation-states.ts';

/**
 * The citations `carnet check` reports: changed and missing ones are problems (its exit code 1),
 * those whose annotation needs review are listed to look at. Each names the note's file and line,
 * and the source.
 */
export function citationProblems(vault: Vault, citations: Citation[] = vault.listCitations()): { problems: Problem[]; reviews: Problem[] } {
  const problems: Problem[] = [];
  const reviews: Problem[] = [];
  for (const citation of citations) {
    if (citation.state === 'verified') continue;
    const entry = { path: citation.notePath, line: citation.line, message: messageFor(citation) };
    (citation.state === 'needs-review' ? reviews : problems).push(entry);
  }
  return { problems, reviews };
}

function messageFor(c: Citation): Problem['message'] {
  const source = c.source ? `"${shortQuote(c.source.title, 80)}"` : `source ${c.sourceId}`;
  const sourceFr = c.source ? `« ${shortQuote(c.source.title, 80)} »` : `la source ${c.sourceId}`;
  const what = c.annotationId ? `passage ${c.annotationId}` : 'source';
  switch (c.state) {
    case 'changed':
      return {
        en: `Line ${c.line} quotes ${source}, but the words differ from the source's passage now. Note: "${shortQuote(c.quoted ?? '', 70)}"; source: "${shortQuote(c.passage ?? '', 70)}". Correct the quote, or check the source.`,
        fr: `La ligne ${c.line} cite ${sourceFr}, mais ses mots diffèrent du passage de la source aujourd’hui. Note : « ${shortQuote(c.quoted ?? '', 70)} » ; source : « ${shortQuote(c.passage ?? '', 70)} ». Corrigez la citation, ou vérifiez la source.`,
      };
    case 'needs-review':
      return {
        en: `Line ${c.line} cites ${source}, whose ${what} was found again only approximately. Check the passage in the source and confirm it.`,
        fr: `La ligne ${c.line} cite ${sourceFr}, dont le passage ${c.annotationId ?? ''} n’a été retrouvé qu’approximativement. Vérifiez-le dans la source et confirmez-le.`,
      };
    default:
      if (c.missing === 'source') {
        return {
          en: `Line ${c.line} cites source ${c.sourceId}, which is not in the vault. Restore it from the trash, or remove the citation.`,
          fr: `La ligne ${c.line} cite la source ${c.sourceId}, absente du coffre. Restaurez-la depuis la corbeille, ou retirez la citation.`,
        };
      }
      if (c.missing === 'annotation') {
        return {
          en: `Line ${c.line} cites ${what} of ${source}, which no longer exists. Restore the annotation from the trash, or cite the passage again.`,
          fr: `La ligne ${c.line} cite le passage ${c.annotationId ?? ''} de ${sourceFr}, qui n’existe plus. Restaurez l’annotation depuis la corbeille, ou citez de nouveau le passage.`,
        };
      }
      return {
        en: `Line ${c.line} cites ${what} of ${source}, whose words are no longer in the source. Attach the annotation to its new words in the reader, or remove the citation.`,
        fr: `La ligne ${c.line} cite le passage ${c.annotationId ?? ''} de ${sourceFr}, dont les mots ne sont plus dans la source. Rattachez l’annotation à ses nouveaux mots dans le lecteur, ou retirez la citation.`,
      };
  }
}
