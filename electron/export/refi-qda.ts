import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { Vault } from '../vault/vault.ts';
import { codeElements, xmlEscape } from './qdc-codebook.ts';
import { shortQuote } from '../vault/annotation-states.ts';

/**
 * The vault as a REFI-QDA project (the exchange format of ATLAS.ti, MAXQDA, NVivo, QDA Miner…):
 * `project.qde` (XML, namespace urn:QDA-XML:project:1.0) with the codebook (hierarchy, colours,
 * descriptions), each source as a text source with its coded passages (positions in the source's
 * characters, as the standard counts them: Unicode code points), and the notes; zipped with each
 * source's text in `sources/` as a `.qdpx`. GUIDs are derived from Carnet's ids, so that exporting
 * twice gives the same GUIDs and another tool recognises what it already has.
 */

export interface QdaProject {
  xml: string;
  /** `sources/<guid>.txt` and its text. */
  files: { path: string; text: string }[];
}

export function qdaProject(vault: Vault, now = new Date()): QdaProject {
  const base = vault.manifest.id;
  const guid = (kind: string, id: string) => guidOf(`${base}:${kind}:${id}`);
  const user = guid('user', 'carnet');
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const codes = vault.codebook().codes;
  const files: QdaProject['files'] = [];
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="${attr(vault.manifest.name)}" origin="Carnet" creatingUserGUID="${user}" creationDateTime="${stamp}">`);
  out.push(`<Users><User guid="${user}" name="Carnet"/></Users>`);
  if (codes.length > 0) out.push('<CodeBook><Codes>', ...codeElements(codes, (id) => guid('code', id)), '</Codes></CodeBook>');
  const sources = vault.listSources();
  if (sources.length > 0) {
    out.push('<Sources>');
    for (const summary of sources) {
      const source = vault.getSource(summary.id);
      const sourceGuid = guid('source', source.id);
      files.push({ path: `sources/${sourceGuid}.txt`, text: source.body });
      out.push(`<TextSource guid="${sourceGuid}" name="${attr(source.title)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${user}" creationDateTime="${dateTime(source.imported)}">`);
      const { annotations, anchors } = vault.listAnnotations(source.id);
      annotations.forEach((annotation, i) => {
        const anchor = anchors[i];
        // A passage with no place in the text has no position to give: it stays in Carnet.
        if (!anchor || anchor.state === 'orphan') return;
        const start = codePoints(source.body, anchor.start);
        const end = start + codePoints(source.body.slice(anchor.start, anchor.end), anchor.end - anchor.start);
        out.push(`<PlainTextSelection guid="${guid('annotation', annotation.id)}" name="${attr(shortQuote(annotation.quote.exact, 80))}" startPosition="${start}" endPosition="${end}" creatingUser="${user}" creationDateTime="${dateTime(annotation.created)}">`);
        if (annotation.comment.trim()) out.push(`<Description>${text(annotation.comment)}</Description>`);
        for (const code of annotation.codes) {
          if (!codes.some((c) => c.id === code)) continue;
          out.push(`<Coding guid="${guid('coding', `${annotation.id}:${code}`)}" creatingUser="${user}"><CodeRef targetGUID="${guid('code', code)}"/></Coding>`);
        }
        out.push('</PlainTextSelection>');
      });
      out.push('</TextSource>');
    }
    out.push('</Sources>');
  }
  const notes = vault.listNotes();
  if (notes.length > 0) {
    out.push('<Notes>');
    for (const summary of notes) {
      const note = vault.getNote(summary.id);
      out.push(`<Note guid="${guid('note', note.id)}" name="${attr(note.title)}" creatingUser="${user}" creationDateTime="${dateTime(note.created)}"><PlainTextContent>${text(note.body)}</PlainTextContent></Note>`);
    }
    out.push('</Notes>');
  }
  out.push('</Project>');
  return { xml: `${out.join('\n')}\n`, files };
}

/** The `.qdpx`: project.qde and the sources' texts, zipped. */
export async function qdpxArchive(project: QdaProject): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(project.xml, 'utf8'), 'project.qde');
  for (const file of project.files) zip.addBuffer(Buffer.from(file.text, 'utf8'), file.path);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A GUID from a name, the way UUID v5 makes one (SHA-1, version and variant bits set). */
export function guidOf(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Code points in the first `units` UTF-16 units of `text`: REFI-QDA counts characters, JavaScript counts units. */
function codePoints(text: string, units: number): number {
  let count = 0;
  for (let i = 0; i < units; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) count++;
  }
  return count;
}

function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}


function text(value: string): string {
  return xmlEscape(value, false);
}

function attr(value: string): string {
  return xmlEscape(value, true);
}
