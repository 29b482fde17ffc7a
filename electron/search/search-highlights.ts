import { indexPipeline, type LanguageGroup } from './analyzers.ts';
import { fold, setupLunr, tokenizeKeepingCapitals } from './lunr-setup.ts';
import type lunrType from 'lunr';
import type { Range } from './search-types.ts';

/**
 * Where the matched terms stand in a text: candidate words are analysed again (folding, stems,
 * joined names) and those whose terms the query matched are kept, with their offsets. Done for the
 * results shown only, which keeps positions out of the stored index.
 */
const pipelines = new Map<LanguageGroup, lunrType.Pipeline>();

function pipelineFor(group: LanguageGroup): lunrType.Pipeline {
  let pipeline = pipelines.get(group);
  if (!pipeline) {
    pipeline = indexPipeline(group);
    pipelines.set(group, pipeline);
  }
  return pipeline;
}

type Positioned = lunrType.Token & { metadata: { position?: [number, number] } };

export function matchRanges(text: string, group: LanguageGroup, terms: Set<string>): Range[] {
  if (!text || terms.size === 0) return [];
  const lunr = setupLunr();
  const pipeline = pipelineFor(group);
  const termList = [...terms];
  const prefixes = new Set(termList.map((t) => t.slice(0, 3)));
  const tokens = tokenizeKeepingCapitals(text) as Positioned[];
  const ranges: Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const bare = fold(tokens[i]!.toString()).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    // A word can only give a matched term if it starts like one (a stem), or begins one (a joined name).
    const candidate = prefixes.has(bare.slice(0, 3)) || (bare.length >= 2 && bare.length <= 6 && termList.some((t) => t.startsWith(bare)));
    if (!candidate) continue;
    // Analysis changes tokens in place: run it on copies, with the next word for joined names.
    const copies = tokens.slice(i, i + 2).map((t) => new lunr.Token(t.toString(), { ...t.metadata }) as Positioned);
    for (const token of pipeline.run(copies) as Positioned[]) {
      const position = token.metadata.position;
      if (position && position[0] === tokens[i]!.metadata.position?.[0] && terms.has(token.toString())) ranges.push([position[0], position[0] + position[1]]);
    }
  }
  return ranges;
}
