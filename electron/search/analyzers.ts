import { foldAndJoin, foldQuery, setupLunr, stripElision, tokenizeKeepingCapitals, trimKeepingPosition } from './lunr-setup.ts';
import { gluedWordsSplitter } from './glued-words.ts';
import type lunrType from 'lunr';

/**
 * One analysis per language group, applied at indexing and at query time alike:
 * French and English get their stop words and stemmers; other languages (Vietnamese, Thai,
 * Khmer…) are folded and trimmed but not stemmed, since no stemmer here knows them.
 */
export type LanguageGroup = 'fr' | 'en' | 'xx';

/** Part of every stored shard's fingerprint: raising it makes a start rebuild shards stored by an older Carnet. */
export const ANALYZER_VERSION = 7;

export function languageGroup(language: string | undefined): LanguageGroup {
  return language === 'fr' ? 'fr' : language === 'en' ? 'en' : 'xx';
}

export function configureBuilder(builder: lunrType.Builder, group: LanguageGroup): void {
  const lunr = setupLunr();
  const fr = (lunr as unknown as { fr: { stopWordFilter: lunrType.PipelineFunction; stemmer: lunrType.PipelineFunction } }).fr;
  const trimmer = trimKeepingPosition as lunrType.PipelineFunction;
  const join = foldAndJoin as lunrType.PipelineFunction;
  const foldTerms = foldQuery as lunrType.PipelineFunction;
  const elision = stripElision as lunrType.PipelineFunction;
  (builder as unknown as { tokenizer: typeof tokenizeKeepingCapitals }).tokenizer = tokenizeKeepingCapitals;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  // Words glued by a capture ("asouligné") are indexed as their halves too (glued-words.ts).
  // French's trimmer knows accented letters (Lunr's own would cut "Hà" to "H"), so it serves every language.
  if (group === 'fr') {
    builder.pipeline.add(trimmer, elision, fr.stopWordFilter, join, gluedWordsSplitter('fr', fr.stopWordFilter), fr.stemmer);
    builder.searchPipeline.add(elision, foldTerms, fr.stemmer);
  } else if (group === 'en') {
    builder.pipeline.add(trimmer, elision, lunr.stopWordFilter, join, gluedWordsSplitter('en', lunr.stopWordFilter), lunr.stemmer);
    builder.searchPipeline.add(elision, foldTerms, lunr.stemmer);
  } else {
    builder.pipeline.add(trimmer, elision, join);
    builder.searchPipeline.add(elision, foldTerms);
  }
  // No term positions in the index: they would make it several times the size of the text.
  // Highlights are found at query time, for the results shown (see search-highlights.ts).
  builder.metadataWhitelist = [];
}

/** The indexing analysis alone, to find which words of a text produced the terms a query matched. */
export function indexPipeline(group: LanguageGroup): lunrType.Pipeline {
  const builder = new (setupLunr().Builder)();
  configureBuilder(builder, group);
  return builder.pipeline;
}
