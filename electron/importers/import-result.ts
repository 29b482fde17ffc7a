/** How one file fared: what the import summary lists, line by line. Types only, for the contract. */
export type ImportResult =
  | { name: string; status: 'imported'; sourceId: string; title: string; publisher?: string; published?: string; language?: string; url?: string; uncertain?: true }
  | { name: string; status: 'duplicate'; existingId: string; existingTitle: string; reason: string }
  | { name: string; status: 'failed'; reason: string };
