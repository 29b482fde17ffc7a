import { parseDocument, stringify } from 'yaml';

export interface FrontMatterDocument {
  data: unknown;
  body: string;
}

export class FrontMatterError extends Error {}

const OPENING = /^\uFEFF?---\r?\n/;

/**
 * Splits `---\nYAML\n---\nbody`. The body is returned byte for byte (after the closing line),
 * because annotations point into source bodies by character offset.
 */
export function parseFrontMatter(text: string): FrontMatterDocument {
  const open = OPENING.exec(text);
  if (!open) throw new FrontMatterError('The file does not start with a front matter block (a line "---").');
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(\r?\n|$)/m.exec(rest);
  if (!close) throw new FrontMatterError('The front matter block is not closed by a line "---".');
  const yamlText = rest.slice(0, close.index);
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    throw new FrontMatterError(`The front matter is not valid YAML: ${first?.message.split('\n')[0] ?? 'unknown error'}`);
  }
  let data: unknown;
  try {
    // A few aliases are legitimate YAML; thousands (a "billion laughs" file) would exhaust memory.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new FrontMatterError(`The front matter cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('The front matter must be a list of "key: value" lines.');
  }
  return { data, body: rest.slice(close.index + close[0].length) };
}

/** Keys are written in the order given, so files diff well across saves. */
export function formatFrontMatter(data: Record<string, unknown>, body: string): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n${body}`;
}
