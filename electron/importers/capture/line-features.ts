/**
 * What a line of a capture looks like on its own: the features that tell an article's prose from
 * a site's chrome (menus, bylines, share buttons, teasers, legal notes), in the spirit of jusText.
 */

export interface LineFeatures {
  /** Length, as Latin letters: CJK characters count three. */
  chars: number;
  words: number;
  /** Share of the words that are stop words of the capture's language: prose is full of them. */
  stopShare: number;
  /** Ends like a sentence. */
  sentence: boolean;
  /** Menu separators: `|`, `•`, `›`, `»` between words, or runs of spaces (a menu copied as a row). */
  separators: number;
  /** Share of the words that are short and capitalised: "Home News World Business". */
  capitalisedShort: number;
  /** "cookies", "newsletter", "share", "Partager", "all rights reserved"… */
  chromePhrase: boolean;
  /** The line is mostly a date, a time, a number or an address. */
  dataLike: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const SEPARATOR = /\s[|•›»·/]\s|\s{3,}|\t/gu;
const SENTENCE_END = /[.!?…»"”)\]:;。！？」]$/u;
// Several languages on purpose: our users capture French, English and Vietnamese sites, and
// international ones. Each is a phrase only chrome uses, never a word an article could.
const CHROME = new RegExp(
  [
    'cookies?',
    'newsletter',
    'subscribe',
    'sign (?:in|up)',
    'log ?in',
    'all rights reserved',
    'tous droits réservés',
    'privacy policy',
    'terms of (?:use|service)',
    'politique de confidentialité',
    'mentions légales',
    'share (?:this|on)',
    'sharing options',
    'copy link',
    'continue reading',
    'back to (?:top|gallery|home|all)',
    'retour (?:à|a|en haut)',
    'zurück',
    'browse all',
    'external links?',
    'something went wrong',
    'search in',
    'show (?:more|comments)',
    'load more',
    'leave a (?:comment|reply)',
    'laisser un commentaire',
    'chevron_(?:left|right)',
    'partager (?:sur|cet article|l[’\']article)',
    'partagez',
    'abonnez-vous',
    "s['’]abonner",
    'read more',
    'lire (?:aussi|la suite|plus)',
    'voir (?:aussi|plus)',
    'related (?:articles?|stories|posts)',
    'advertisement',
    'publicité',
    'skip to (?:main )?content',
    'aller au contenu',
    'follow us',
    'suivez-nous',
    'click here',
    'click to',
    'copy this',
    'opens? in (?:a )?new (?:window|tab)',
    'cliquez ici',
    'comments?\\s*\\(\\d+\\)',
    'commentaires?\\s*\\(\\d+\\)',
    'chia sẻ',
    'bình luận',
    'đăng nhập',
    'theo dõi',
    '©',
  ]
    .map((phrase) => `(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}])`)
    .join('|'),
  'iu',
);
/** Buttons captured as words: a line of nothing else is chrome. */
const CHROME_WORDS = new Set(['share', 'partager', 'tweet', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'email', 'e-mail', 'imprimer', 'print', 'pinterest', 'reddit', 'telegram', 'zalo', 'copier', 'copy', 'link', 'lien']);
const DATA = /^[\s\d:/.,()+\-–—hH]*$|^(?:https?:\/\/|www\.)\S+$|^\S+@\S+\.\S+$/u;

/** Chinese, Japanese and Korean run words together: every two of their characters count as a word. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

export function lineFeatures(text: string, stopWords: Set<string>): LineFeatures {
  const cjk = (text.match(CJK) ?? []).length;
  const words = [...(text.replace(CJK, ' ').match(WORD) ?? []), ...Array.from({ length: Math.floor(cjk / 2) }, () => '')];
  const lower = words.map((w) => w.toLowerCase());
  const stop = lower.filter((w) => stopWords.has(w) || stopWords.has(w.replace(/^(?:qu|[ldjmnstc])[’']/u, ''))).length;
  const capitalisedShort = words.filter((w) => w.length <= 12 && /^\p{Lu}/u.test(w)).length;
  // CJK text has no stop words in these lists: its share is taken as prose-like when it reads as sentences.
  const stopShare = words.length === 0 ? 0 : cjk > text.length / 3 ? (/[。！？」]$/u.test(text) ? 0.3 : 0.1) : stop / words.length;
  return {
    // A Chinese, Japanese or Korean character says about what three Latin letters do.
    chars: text.length + 2 * cjk,
    words: words.length,
    stopShare,
    sentence: SENTENCE_END.test(text),
    separators: (text.match(SEPARATOR) ?? []).length,
    capitalisedShort: words.length ? capitalisedShort / words.length : 0,
    chromePhrase: (text.length < 400 && CHROME.test(text)) || (lower.length > 0 && lower.length <= 3 && lower.every((w) => CHROME_WORDS.has(w))),
    dataLike: DATA.test(text),
  };
}
