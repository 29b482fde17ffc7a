import { foldAndJoin, foldQuery, setupLunr } from './lunr-setup.ts';
import type lunrType from 'lunr';

/**
 * One analysis per language group, applied at indexing and at query time alike:
 * French and English get their stop words and stemmers; other languages (Vietnamese, Thai,
 * Khmer…) are folded and trimmed but not stemmed, since no stemmer here knows them.
 */
export type LanguageGroup = 'fr' | 'en' | 'xx';

export const ANALYZER_VERSION = 1;

export function languageGroup(language: string | undefined): LanguageGroup {
  return language === 'fr' ? 'fr' : language === 'en' ? 'en' : 'xx';
}

export function configureBuilder(builder: lunrType.Builder, group: LanguageGroup): void {
  const lunr = setupLunr();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  if (group === 'fr') {
    const fr = (lunr as unknown as { fr: { trimmer: lunrType.PipelineFunction; stopWordFilter: lunrType.PipelineFunction; stemmer: lunrType.PipelineFunction } }).fr;
    builder.pipeline.add(fr.trimmer, fr.stopWordFilter, foldAndJoin as lunrType.PipelineFunction, fr.stemmer);
    builder.searchPipeline.add(foldQuery as lunrType.PipelineFunction, fr.stemmer);
  } else if (group === 'en') {
    builder.pipeline.add(foldAndJoin as lunrType.PipelineFunction, lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    builder.searchPipeline.add(foldQuery as lunrType.PipelineFunction, lunr.stemmer);
  } else {
    builder.pipeline.add(foldAndJoin as lunrType.PipelineFunction, lunr.trimmer);
    builder.searchPipeline.add(foldQuery as lunrType.PipelineFunction);
  }
  builder.metadataWhitelist = ['position'];
}
