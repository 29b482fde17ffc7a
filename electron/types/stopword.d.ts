// stopword ships no types: each export is one language's list, named by its ISO 639-3 code.
declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const vie: string[];
}
