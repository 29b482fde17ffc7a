import { CarnetError } from '../core/carnet-error.ts';
import { CodeTree } from '../annotations/code-tree.ts';
import type { Code } from '../vault/vault-schemas.ts';

/**
 * The codebook alone in REFI-QDA's codebook format (`.qdc`, namespace urn:QDA-XML:codebook:1.0),
 * so that a team shares one codebook across QDA tools; read back, from a `.qdc` or a `.qdpx`'s
 * project.qde (whose CodeBook element is the same), as a tree of codes to add to a vault.
 */

export interface ImportedCode {
  name: string;
  color?: string;
  description?: string;
  children: ImportedCode[];
}

export function codebookXml(codes: Code[], guid: (id: string) => string): string {
  return `${['<?xml version="1.0" encoding="utf-8"?>', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Carnet">', '<Codes>', ...codeElements(codes, guid), '</Codes>', '</CodeBook>'].join('\n')}\n`;
}

/** The codes as nested `<Code>` elements, as a codebook and a project both hold them. */
export function codeElements(codes: Code[], guid: (id: string) => string): string[] {
  // CodeTree settles what a hand-edited codebook may hold (a missing parent, a code its own parent).
  const tree = new CodeTree(codes);
  const byId = new Map(codes.map((code) => [code.id, code]));
  const lines: string[] = [];
  const write = (code: Code) => {
    const color = /^#[0-9a-fA-F]{6}$/.test(code.color ?? '') ? ` color="${code.color}"` : '';
    lines.push(`<Code guid="${guid(code.id)}" name="${xmlEscape(code.name, true)}" isCodable="true"${color}>`);
    if (code.description?.trim()) lines.push(`<Description>${xmlEscape(code.description, false)}</Description>`);
    for (const child of tree.childrenOf(code.id)) write(byId.get(child)!);
    lines.push('</Code>');
  };
  for (const code of codes) if (tree.parentOf(code.id) === undefined) write(code);
  return lines;
}

/** The codes of a .qdc (or of a project.qde's CodeBook), as a tree; an XML that is not one is refused. */
export async function parseCodebook(xml: string): Promise<ImportedCode[]> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  let document: Document;
  try {
    // No DTD, no external entity: jsdom's XML parser resolves neither.
    document = new JSDOM(xml, { contentType: 'application/xml', virtualConsole: new VirtualConsole() }).window.document;
  } catch {
    throw notACodebook();
  }
  const codebook = [...document.getElementsByTagName('*')].find((element) => element.localName === 'CodeBook');
  const codes = codebook ? [...codebook.children].find((element) => element.localName === 'Codes') : undefined;
  if (!codes) throw notACodebook();
  const read = (element: Element, depth: number): ImportedCode | null => {
    const name = element.getAttribute('name')?.trim();
    if (!name || depth > 50) return null;
    const color = element.getAttribute('color') ?? '';
    const description = [...element.children].find((child) => child.localName === 'Description')?.textContent?.trim();
    const children = [...element.children].filter((child) => child.localName === 'Code').map((child) => read(child, depth + 1)).filter((code): code is ImportedCode => code !== null);
    return { name: name.slice(0, 200), ...(/^#[0-9a-fA-F]{6}$/.test(color) ? { color: color.toLowerCase() } : {}), ...(description ? { description: description.slice(0, 10_000) } : {}), children };
  };
  return [...codes.children].filter((child) => child.localName === 'Code').map((child) => read(child, 0)).filter((code): code is ImportedCode => code !== null);
}

function notACodebook(): CarnetError {
  return new CarnetError('invalid-input', {
    en: 'This file is not a REFI-QDA codebook (.qdc) or project: it has no CodeBook with Codes. Nothing was added.',
    fr: 'Ce fichier n’est pas un livre de codes REFI-QDA (.qdc) ni un projet : il n’a pas de CodeBook avec des Codes. Rien n’a été ajouté.',
  });
}

/** Text for XML 1.0: its five special characters escaped, the control characters it forbids left out. */
export function xmlEscape(value: string, attribute: boolean): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d) out += char;
  }
  out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? out.replace(/"/g, '&quot;').replace(/\n/g, '&#10;') : out;
}
