// lunr-languages ships no types: each module is a plugin function taking lunr.
declare module 'lunr-languages/lunr.stemmer.support.js' {
  const plugin: (lunr: unknown) => void;
  export default plugin;
}
declare module 'lunr-languages/lunr.fr.js' {
  const plugin: (lunr: unknown) => void;
  export default plugin;
}
