import { csvField } from './annotations-csv.ts';
import type { CodeCooccurrence, CodeMatrix } from '../vault/vault-records.ts';

/**
 * The code × source matrix and the code co-occurrence table as CSV, for a spreadsheet or a
 * statistics package: codes named by their path ("Parent › Child"), UTF-8 with a BOM, RFC 4180.
 */

export function matrixCsv(matrix: CodeMatrix, codeName: (id: string) => string): string {
  const header = ['code', ...matrix.sources.map((s) => s.title), 'total'];
  const rows = matrix.rows.map((row) => [codeName(row.codeId), ...matrix.sources.map((s) => String(row.counts[s.id] ?? 0)), String(row.total)]);
  return table([header, ...rows]);
}

export function cooccurrenceCsv(table_: CodeCooccurrence, codeName: (id: string) => string): string {
  return table([['code_a', 'code_b', 'passages'], ...table_.pairs.map((pair) => [codeName(pair.a), codeName(pair.b), String(pair.count)])]);
}

function table(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
