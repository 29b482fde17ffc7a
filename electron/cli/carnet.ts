import { parseArgs } from 'node:util';
import { CarnetError } from '../core/carnet-error.ts';
import { Vault } from '../vault/vault.ts';
import { annotationReviews, checkVault } from '../vault/vault-check.ts';
import { citationProblems } from '../vault/citation-problems.ts';
import { runExport, runRestore } from './export-command.ts';
import { importCodebookFile } from './codebook-command.ts';
import { annotationStates } from '../vault/annotation-states.ts';
import { runAnnotations, runCodes } from './annotations-command.ts';
import { runImport } from './import-command.ts';
import { runReextract } from './reextract-command.ts';
import { runNotes } from './notes-command.ts';
import { runReindex, runSearch } from './search-command.ts';
import type { SearchKind } from '../search/search-types.ts';
import type { Problem, VaultInfo } from '../vault/vault-records.ts';

/**
 * `carnet`: the vault from a terminal, for scripts and batch work. Every command takes `--json`
 * and prints one JSON document on stdout; errors go to stderr (and as `{ "error": … }` with --json).
 */

const USAGE = `Usage: carnet <command> [options]

Commands:
  init DIR [--name NAME]     Create a new, empty vault in DIR (a missing or empty folder).
  info --vault DIR           Show the vault's name, format and counts.
  check --vault DIR          Read every file of the vault and list problems (including links
                             to notes that do not exist, annotations whose passage is gone, and
                             citations whose quote no longer matches its source or whose source
                             or passage is missing); exit code 1 if any. Annotations and
                             citations to review are listed, exit code aside.
  notes --vault DIR          List the notes: title, tags, last update, file.
        [--tag TAG]          Only those with this tag (with or without #; case and accents aside).
  import --vault DIR PATHS…  Import files and folders (recursively): .txt, .md, .html, .mhtml, .pdf, .docx, .odt, .eml.
                             Exit code 1 if any file failed.
  reextract --vault DIR      Read text captures (.txt) again from their originals, with the chrome
         [--source ID]       (menus, header, footer) learnt from other captures of the same site in the
                             vault: one source, or every one. A source with annotations is never changed.
  search --vault DIR QUERY   Search sources, notes and annotations (Lunr syntax, "phrases").
         [--kind source,note,annotation] [--limit N]
  reindex --vault DIR        Rebuild the search index from scratch, with progress.
  annotations --vault DIR    List the annotations, with their state against the source's text.
         [--code NAME]…      Only those with every such code or a sub-code (case and accents aside).
         [--source ID]       Only those on this source.
         [--state anchored|needs-review|orphan]
  codes --vault DIR          Show the code tree, with the number of passages of each (sub-codes included).
  import-codebook --vault DIR FILE
                             Add a REFI-QDA codebook (.qdc, or a .qdpx project's) to the vault's:
                             new codes under their parents; codes it already has are kept.
  restore BACKUP.zip DIR     Make a backup into a vault in DIR (a new or empty folder); an archive
                             with paths leaving the folder, absolute paths or links is refused.
  export --vault DIR --format FORMAT [--source ID…] [--code NAME…] [--note ID…]
         [--style apa|chicago|iso690-fr] [--out FILE]
                             Export to FILE, else (text formats) to standard output. FORMAT is one of:
           w3c|csv|markdown  the annotated passages as W3C Web Annotation JSON-LD, CSV (UTF-8, for
                             a spreadsheet) or Markdown (markdown is the annotations, not notes);
           matrix|cooccurrence
                             the code × source matrix or the code co-occurrence table, as CSV;
           csl-json|bibtex|ris|bibliography
                             the sources as references, or a bibliography in the style;
           qdc               the codebook as REFI-QDA's .qdc, which import-codebook reads back;
           qdpx              the vault as a REFI-QDA project (codebook, coded passages, notes) for
                             ATLAS.ti, MAXQDA, NVivo and other QDA tools; needs --out;
           note-markdown|note-html|html|docx
                             notes for use outside Carnet: each citation as its words and an
                             in-text reference in the style, the references at the end; html
                             (= note-html) in one file, docx for Word (needs --out);
           zip               the whole vault as one backup (without its search index); needs --out.
         --source ID         Only these sources (repeat it, or separate ids with commas).
         --code NAME         Only the passages coded with this code or a sub-code, and for references
                             the sources having such passages; a name or a path "Parent/Child",
                             case and accents aside (repeat it, or separate with commas).
         --note ID           For the note formats: these notes, in this order (all when absent).
         --style STYLE       The references' style (apa, chicago, iso690-fr); the vault's by default.

Options:
  --json                     Print JSON instead of text.
  -h, --help                 Show this help.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: CliIo = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Runs one command and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = stdio): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { vault: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' }, kind: { type: 'string' }, code: { type: 'string', multiple: true }, source: { type: 'string', multiple: true }, state: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, note: { type: 'string', multiple: true }, style: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const json = values.json ?? false;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'init':
        return await init(rest[0], values.name, json, io);
      case 'info':
        return await info(requireVault(values.vault), json, io);
      case 'check':
        return await check(requireVault(values.vault), json, io);
      case 'notes':
        return await withVault(requireVault(values.vault), (vault) => runNotes(vault, values.tag, json, io));
      case 'import':
        return await importPaths(requireVault(values.vault), rest, json, io);
      case 'reextract':
        return await reextract(requireVault(values.vault), values.source?.at(-1), json, io);
      case 'search':
        return await search(requireVault(values.vault), rest.join(' '), values.kind, values.limit, json, io);
      case 'reindex':
        return await reindex(requireVault(values.vault), json, io);
      case 'annotations':
        return await withVault(requireVault(values.vault), (vault) => runAnnotations(vault, { codes: values.code ?? [], source: values.source?.at(-1), state: values.state }, json, io));
      case 'codes':
        return await withVault(requireVault(values.vault), (vault) => runCodes(vault, json, io));
      case 'import-codebook':
        return await importCodebookFile(requireVault(values.vault), rest[0], json, io);
      case 'restore':
        return await runRestore(rest[0], rest[1], json, io);
      case 'export':
        return await withVault(requireVault(values.vault), (vault) => runExport(vault, { format: values.format, sources: values.source, notes: values.note, codes: values.code, style: values.style, out: values.out }, io));
      default:
        throw new CarnetError('invalid-input', `Unknown command "${command}". Run "carnet --help" for the list.`);
    }
  } catch (error) {
    const code = error instanceof CarnetError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    if (json) io.out(JSON.stringify({ error: { code, message } }, null, 2));
    io.err(`carnet: ${message}`);
    return code === 'invalid-input' ? 2 : 1;
  }
}

function requireVault(vault: string | undefined): string {
  if (!vault) throw new CarnetError('invalid-input', 'Say which vault with --vault DIR.');
  return vault;
}

async function init(dir: string | undefined, name: string | undefined, json: boolean, io: CliIo): Promise<number> {
  if (!dir) throw new CarnetError('invalid-input', 'Say where to create the vault: carnet init DIR.');
  const vault = await Vault.create(dir, name);
  const summary = vault.info();
  await vault.close();
  io.out(json ? JSON.stringify({ created: summary }, null, 2) : `Created the vault "${summary.name}" in ${summary.root}.`);
  return 0;
}

/** Read-only and unwatched: a CLI look never takes the lock from a running app. */
async function withVault<T>(dir: string, use: (vault: Vault) => T | Promise<T>): Promise<T> {
  const vault = await Vault.open(dir, { readOnly: true, watch: false });
  try {
    return await use(vault);
  } finally {
    await vault.close();
  }
}

async function info(dir: string, json: boolean, io: CliIo): Promise<number> {
  const summary = await withVault(dir, (vault) => vault.info());
  io.out(json ? JSON.stringify(publicInfo(summary), null, 2) : describeInfo(summary));
  return 0;
}

async function check(dir: string, json: boolean, io: CliIo): Promise<number> {
  const { summary, problems, reviews, citationReviews } = await withVault(dir, (vault) => {
    const states = annotationStates(vault);
    const citations = citationProblems(vault);
    return { summary: vault.info(), problems: [...checkVault(vault, states), ...citations.problems], reviews: annotationReviews(vault, states), citationReviews: citations.reviews };
  });
  // The CLI speaks English, like its usage text; scripts read one plain message per problem.
  const plain = (p: Problem): { path: string; line?: number; message: string } => ({ path: p.path, ...(p.line ? { line: p.line } : {}), message: p.message.en });
  if (json) {
    io.out(JSON.stringify({ vault: publicInfo(summary), ok: problems.length === 0, problems: problems.map(plain), reviews: [...reviews, ...citationReviews].map(plain) }, null, 2));
  } else {
    io.out(describeInfo(summary));
    io.out(problems.length === 0 ? 'No problems found.' : describeProblems(problems));
    if (reviews.length) io.out(describeList(reviews, 'annotation', 'to review'));
    if (citationReviews.length) io.out(describeList(citationReviews, 'citation', 'to review'));
  }
  return problems.length === 0 ? 0 : 1;
}

async function importPaths(dir: string, paths: string[], json: boolean, io: CliIo): Promise<number> {
  if (paths.length === 0) throw new CarnetError('invalid-input', 'Say what to import: carnet import --vault DIR FILE_OR_FOLDER…');
  const vault = await Vault.open(dir, { watch: false });
  try {
    return await runImport(vault, paths, json, io);
  } finally {
    await vault.close();
  }
}

/** Takes the lock, like import: it writes. */
async function reextract(dir: string, source: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const vault = await Vault.open(dir, { watch: false });
  try {
    return await runReextract(vault, source, json, io);
  } finally {
    await vault.close();
  }
}

async function search(dir: string, text: string, kind: string | undefined, limit: string | undefined, json: boolean, io: CliIo): Promise<number> {
  if (!text.trim()) throw new CarnetError('invalid-input', 'Say what to search for: carnet search --vault DIR "words"');
  const kinds = kind?.split(',').map((k) => k.trim());
  if (kinds?.some((k) => k !== 'source' && k !== 'note' && k !== 'annotation')) throw new CarnetError('invalid-input', '--kind takes source, note and annotation, separated by commas.');
  const max = limit === undefined ? 20 : Number(limit);
  if (!Number.isInteger(max) || max < 1 || max > 500) throw new CarnetError('invalid-input', '--limit takes a number from 1 to 500.');
  return withVault(dir, (vault) => runSearch(vault, text, kinds as SearchKind[] | undefined, max, json, io));
}

async function reindex(dir: string, json: boolean, io: CliIo): Promise<number> {
  const vault = await Vault.open(dir, { watch: false });
  try {
    return await runReindex(vault, json, io);
  } finally {
    await vault.close();
  }
}

function publicInfo(summary: VaultInfo): Omit<VaultInfo, 'readOnly' | 'readOnlyReason'> {
  const { readOnly: _readOnly, readOnlyReason: _reason, ...rest } = summary;
  return rest;
}

function describeInfo(summary: VaultInfo): string {
  const c = summary.counts;
  return [
    `Vault "${summary.name}" (format ${summary.formatVersion}) at ${summary.root}`,
    `  ${c.sources} sources, ${c.notes} notes, ${c.codes} codes, ${c.trash} in the trash`,
  ].join('\n');
}

function describeProblems(problems: Problem[]): string {
  return describeList(problems, 'problem');
}

/** "2 problems:" then one line each, with the file (and line) it is about. */
function describeList(items: Problem[], noun: string, after = ''): string {
  const head = `${items.length} ${noun}${items.length === 1 ? '' : 's'}${after ? ` ${after}` : ''}:`;
  return [head, ...items.map((p) => `  ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message.en}`)].join('\n');
}
