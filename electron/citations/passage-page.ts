/** The PDF page a body offset is on: the last `<!-- page N -->` marker before it (pdf-importer.ts writes them). */
export function pageAt(body: string, offset: number): number | undefined {
  const at = body.lastIndexOf('<!-- page ', offset);
  const match = at === -1 ? null : /^<!-- page (\d+) -->/.exec(body.slice(at, at + 24));
  return match ? Number(match[1]) : undefined;
}
