import { useMemo, type MouseEvent } from 'react';
import DOMPurify from 'dompurify';
import { micromark } from 'micromark';

/** Rendered comments by their Markdown: a source with hundreds of comments is re-shown without parsing them again. */
const rendered = new Map<string, string>();
const KEEP = 5000;

function renderComment(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = DOMPurify.sanitize(micromark(markdown), { FORBID_TAGS: ['img', 'style'], FORBID_ATTR: ['style'] });
    if (rendered.size >= KEEP) rendered.clear();
    rendered.set(markdown, html);
  }
  return html;
}

/** A comment's Markdown shown as text: sanitised, nothing fetched, web links opened outside (after the app asks). */
export function CommentView({ markdown, onOpenExternal }: { markdown: string; onOpenExternal: (url: string) => void }) {
  const html = useMemo(() => renderComment(markdown), [markdown]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const href = link.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(href)) onOpenExternal(href);
  };
  return <div className="annotation-comment" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
