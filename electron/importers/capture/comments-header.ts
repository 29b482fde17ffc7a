/**
 * Where a page's comments begin: "34 responses to “…”", "Leave a Reply", "12 commentaires". Comments
 * read like prose, often more of it than a short article, so the stretch under such a header is
 * the readers', not the article.
 */

const WORDS = '(?:comments?|responses?|replies|reactions?|commentaires?|réactions?|comentários?|comentarios?|kommentare|commenti|bình luận)';
const HEADER = new RegExp(
  '^(?:' +
    [
      // "Comments", "12 commentaires"; with what they answer only after a count: "34 responses to “…”".
      `(?:\\d+\\s*)?${WORDS}`,
      `\\d+\\s*${WORDS}\\s+(?:to|on|sur|à|para|a)\\s.+`,
      'leave a (?:comment|reply)',
      'post a comment',
      'join the (?:conversation|discussion)',
      'laisser un commentaire',
      'réagir(?: à cet article)?',
      'deja un comentario',
      'deixe (?:um|seu) comentário',
      'comments are closed',
    ].join('|') +
    ')\\s*:?$',
  'iu',
);

export function isCommentsHeader(line: string): boolean {
  return line.length <= 200 && HEADER.test(line.trim());
}

/** "Milan Griffes on September 12, 2018 at 4:47 pm said:", "Jean a écrit :": who wrote the comment below. */
const AUTHOR = /(?:^|\s)(?:said|says|wrote|writes|a dit|a écrit|disse|escreveu|dijo|escribió|schrieb|ha scritto)\s*:$/iu;

export function isCommentAuthor(line: string): boolean {
  return line.length <= 150 && AUTHOR.test(line.trim());
}
