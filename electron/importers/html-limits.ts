import { CarnetError } from '../core/carnet-error.ts';

/**
 * Limits checked on a page's markup before jsdom and Readability see it. Both are fine on real
 * pages but not on built ones: jsdom's parser (parse5) is quadratic on unclosed `<b><i>` (10,000
 * pairs take 72 s to parse), Readability on deep nesting (2,000 nested `<div>`s: 44 to 72 s;
 * 5,000 overflow the stack). A linear scan estimates the tree's depth and size first, so such a
 * page is refused in milliseconds with the reason, instead of running into the import's time limit.
 *
 * The scan follows the HTML parser where it matters for depth: tags and comments read as its
 * tokenizer reads them, void elements, raw-text elements (script, style, textarea…, in HTML only:
 * not in SVG or MathML, nor noscript with scripting off), SVG and MathML elements closing
 * themselves, end tags closing what they enclose (and nothing past the elements the parser stops
 * at), and the end tags a parser implies (`<p>`, `<li>`, `<td>`, `<option>`… closed by their next
 * sibling or by a block). Where it is unsure, it errs towards a deeper tree: it may overestimate
 * odd markup a little, and never needs to be exact, since the limit is many times the depth of
 * real pages.
 */

/**
 * The 181 real news pages of the extraction benchmark nest at most 51 deep (by this scan, and by
 * jsdom's tree). A page nested this deep is read in under a second; 2,000 deep took 44 s.
 */
export const MAX_HTML_DEPTH = 400;
/**
 * Those pages hold at most 1,600 elements; a 10 MB page of paragraphs holds 150,000, and needs
 * ~1.6 GB of memory in jsdom and Readability. Past this, a page would run out of memory anyway.
 */
export const MAX_HTML_ELEMENTS = 250_000;

export interface HtmlShape {
  depth: number;
  elements: number;
}

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/**
 * Elements whose content is text up to their end tag, in HTML content only: inside `<svg>` or
 * `<math>` a `<style>` or `<title>` is an ordinary element. `<noscript>` is not one of them: jsdom
 * parses with scripting off, so its content is markup like any other.
 */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Start tags that end SVG or MathML content: the parser closes the foreign elements and reads the tag as HTML. */
const BREAKS_OUT = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing',
  'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's', 'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var',
]);
/** SVG and MathML elements whose content the parser reads as HTML again. */
const INTEGRATION_POINTS = new Set(['svg foreignobject', 'svg desc', 'svg title', 'math mi', 'math mo', 'math mn', 'math ms', 'math mtext']);
/** The parser's "special" HTML elements: an end tag for another element does not close them (`<span><div></span>` leaves both open). */
const SPECIAL = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'embed', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'iframe', 'img',
  'input', 'keygen', 'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param', 'plaintext', 'pre', 'script', 'search',
  'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);
/** Where the parser stops looking for the element an end tag of a special element closes (its "scope"). */
const END_SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
/** End tags that close the open cells and rows of their table (`</tr>` closes a `<td>`), and stop only at a table. */
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** Starting one of these closes an open `<p>`. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section', 'summary', 'table', 'ul', 'xmp',
]);
/** Starting the key closes an open element of the listed names (its previous sibling, or a parent the parser ends). */
const CLOSES_SIBLING: Record<string, string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  thead: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tbody: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tfoot: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  rb: ['rb', 'rt', 'rp', 'rtc'],
  rt: ['rb', 'rt', 'rp'],
  rp: ['rb', 'rt', 'rp'],
  a: ['a'],
  nobr: ['nobr'],
  button: ['button'],
};
/** These close only the current element (`<h2>Title<h3>` ends the h2; `<h2><span><h3>` nests). */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const CLOSES_CURRENT: Record<string, string[]> = {
  h1: HEADINGS, h2: HEADINGS, h3: HEADINGS, h4: HEADINGS, h5: HEADINGS, h6: HEADINGS,
  option: ['option'],
  optgroup: ['optgroup', 'option'],
};
/** Elements an implied end tag does not look past (a list item inside a nested list stays open). */
const SCOPE = new Set(['html', 'body', 'table', 'td', 'th', 'caption', 'ul', 'ol', 'dl', 'select', 'button', 'object', 'template', 'svg', 'math', 'div', 'section', 'article']);
/** How far down the open elements an implied end tag looks: real markup has a few inline elements at most in between. */
const LOOK_DOWN = 12;

/** The depth and element count of a page's tree, estimated in one pass over its markup; stops early past the limits. */
export function measureHtml(html: string, limits: { depth: number; elements: number } = { depth: MAX_HTML_DEPTH, elements: MAX_HTML_ELEMENTS }): HtmlShape {
  const stack: string[] = [];
  /** The namespace of each open element: '' for HTML, 'svg' or 'math'. */
  const spaces: string[] = [];
  const open = new Map<string, number>();
  let depth = 0;
  let elements = 0;
  const push = (name: string, space: string) => {
    stack.push(name);
    spaces.push(space);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > depth) depth = stack.length;
  };
  const popTo = (index: number) => {
    while (stack.length > index) {
      const name = stack.pop()!;
      spaces.pop();
      open.set(name, open.get(name)! - 1);
    }
  };
  /** Whether the parser reads a tag in the element at `index` (the current one by default) as HTML. */
  const readsHtml = (index = stack.length - 1) => index < 0 || spaces[index] === '' || INTEGRATION_POINTS.has(`${spaces[index]} ${stack[index]}`);
  /** Closes the outermost open element named in `names` above the nearest scope boundary (looking a few levels down). */
  const closeImplied = (names: string[]) => {
    if (!names.some((n) => open.get(n))) return;
    let found = -1;
    for (let i = stack.length - 1; i >= 0 && i >= stack.length - LOOK_DOWN; i--) {
      const name = stack[i]!;
      if (names.includes(name)) found = i;
      else if (SCOPE.has(name)) break;
    }
    if (found >= 0) popTo(found);
  };
  /**
   * Closes what an end tag closes, as the parser does or less: the end tag of a special element
   * (`</div>`) stops at a table, a cell and the like; any other (`</span>`) at any special
   * element; an end tag the parser would ignore closes nothing.
   */
  const closeEnd = (name: string) => {
    if (!open.get(name)) return;
    const special = SPECIAL.has(name);
    for (let i = stack.length - 1; i >= 0; i--) {
      const here = stack[i]!;
      if (here === name) return popTo(i);
      if (spaces[i] !== '') {
        if (readsHtml(i)) return; // SVG's foreignObject, MathML's mi… bound the search like special elements
      } else if (!special ? SPECIAL.has(here) : TABLE_PARTS.has(name) ? here === 'table' || here === 'template' : END_SCOPE.has(here) || (name === 'li' && (here === 'ul' || here === 'ol')) || (name === 'p' && here === 'button')) return;
    }
  };

  let i = 0;
  const length = html.length;
  while (i < length && depth <= limits.depth && elements <= limits.elements) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      // A comment runs to `-->` or `--!>` (`<!-->` and `<!--->` are whole comments); a doctype or CDATA section to the next `>`.
      const end = html.startsWith('<!--', lt) ? endOfComment(html, lt + 4) : html.indexOf('>', lt + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    if (next === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < length && !isNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tag = endOfTag(html, nameEnd);
    // A tag cut by the end of the file is dropped by the parser, with all that follows it.
    if (!tag) break;
    i = tag.end + 1;

    if (closing) {
      closeEnd(name);
      continue;
    }
    elements++;
    if (!readsHtml()) {
      // Inside SVG or MathML: an element of the same language (a `<style>` is no raw text there,
      // `<path/>` closes itself), unless the tag is one that makes the parser leave it.
      const breaksOut = BREAKS_OUT.has(name) || (name === 'font' && /\s(color|face|size)\s*=/i.test(html.slice(nameEnd, tag.end)));
      if (!breaksOut) {
        if (!tag.selfClosing) push(name, spaces[spaces.length - 1]!);
        continue;
      }
      while (!readsHtml()) popTo(stack.length - 1);
    }
    if (name === 'plaintext') break;
    // In a `<select>`, the parser ignores these tags but for script and textarea, and reads their content as markup.
    if (RAW_TEXT.has(name) && !(open.get('select') && name !== 'script' && name !== 'textarea')) {
      // Its content is text up to its end tag: no elements inside. Without an end tag, the parser
      // reads the rest of the page as its text (script, style, title, textarea… alike).
      const end = indexOfEndTag(html, name, i);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (VOID.has(name)) continue;
    if (name === 'svg' || name === 'math') {
      if (!tag.selfClosing) push(name, name);
      continue;
    }
    if (CLOSES_P.has(name)) closeImplied(['p']);
    const siblings = CLOSES_SIBLING[name];
    if (siblings) closeImplied(siblings);
    if (CLOSES_CURRENT[name]?.includes(stack[stack.length - 1] ?? '')) popTo(stack.length - 1);
    // The parser adds the tbody and tr a table's rows and cells need.
    const parent = spaces[spaces.length - 1] === '' ? stack[stack.length - 1] : undefined;
    const cell = name === 'td' || name === 'th';
    if ((name === 'tr' || cell) && parent === 'table') push('tbody', '');
    if (cell && (parent === 'table' || parent === 'tbody' || parent === 'thead' || parent === 'tfoot')) push('tr', '');
    push(name, '');
  }
  return { depth, elements };
}

/** Refuses a page built to stall or overflow the parser, with what happened and what the user can do. */
export function checkHtmlLimits(html: string): void {
  const { depth, elements } = measureHtml(html);
  if (depth > MAX_HTML_DEPTH) {
    throw new CarnetError('too-heavy', {
      en: `This page's markup is nested more than ${MAX_HTML_DEPTH} levels deep (real articles stay under 60): it is probably built to be hard to read, and was not imported. If you need its text, open it in a browser, select the article and paste it as text.`,
      fr: `Le balisage de cette page est imbriqué sur plus de ${MAX_HTML_DEPTH} niveaux (les vrais articles restent sous 60) : elle est sans doute conçue pour être difficile à lire, et n’a pas été importée. Si vous avez besoin de son texte, ouvrez-la dans un navigateur, sélectionnez l’article et collez-le comme texte.`,
    });
  }
  if (elements > MAX_HTML_ELEMENTS) {
    throw new CarnetError('too-heavy', {
      en: `This page holds more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements (a long article has a few thousand), too many to read safely; it was not imported. Save only the article (the browser's reader view, or "Save as text") and import that.`,
      fr: `Cette page contient plus de ${MAX_HTML_ELEMENTS.toLocaleString('fr')} éléments (un long article en a quelques milliers), trop pour la lire sans risque ; elle n’a pas été importée. Enregistrez seulement l’article (le mode lecture du navigateur, ou « Enregistrer en texte ») et importez-le.`,
    });
  }
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Tag names end at whitespace, `/` or `>` (HTML allows almost anything else in them). */
function isNameEnd(code: number): boolean {
  return isSpace(code) || code === 47 || code === 62;
}

/**
 * The `>` ending a tag whose attributes start at `from`, and whether the tag closes itself (`/>`),
 * read as the parser's tokenizer does: a quote opens a value only right after `=` and spaces
 * (`<div =">` or `<div a=b">` hold no quoted value), `/` marks the tag self-closing only right
 * before `>` and outside an unquoted value (`<g d=a/>` does not close itself). Undefined when the
 * file ends inside the tag.
 */
function endOfTag(html: string, from: number): { end: number; selfClosing: boolean } | undefined {
  // before: before an attribute name or after one; value: after `=`; unquoted: inside an unquoted value.
  let state: 'before' | 'name' | 'value' | 'unquoted' = 'before';
  let slash = false;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === 62 /* > */) return { end: i, selfClosing: slash && state !== 'unquoted' };
    const space = isSpace(code);
    if (state === 'value') {
      if (code === 34 || code === 39 /* " ' */) {
        i = html.indexOf(code === 34 ? '"' : "'", i + 1);
        if (i < 0) return undefined;
        state = 'before';
      } else if (!space) state = 'unquoted';
      slash = false;
    } else if (state === 'unquoted') {
      if (space) state = 'before';
      slash = false;
    } else if (code === 47 /* / */) {
      slash = true;
      state = 'before';
    } else {
      slash = false;
      if (code === 61 /* = */ && state === 'name') state = 'value';
      else if (!space) state = 'name';
    }
  }
  return undefined;
}

/** The `>` ending a comment whose text starts at `from`, or -1. */
function endOfComment(html: string, from: number): number {
  if (html.charCodeAt(from) === 62 /* > */) return from;
  if (html.startsWith('->', from)) return from + 1;
  const pattern = /--!?>/g;
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match ? match.index + match[0].length - 1 : -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** Where the end tag of a raw-text element starts (`</script`, any case), or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  return match ? match.index : -1;
}
