/** An export as the Export dialog saves it: a file's name, media type and text. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  text: string;
  /** How many passages (or table rows) it holds. */
  count: number;
}
