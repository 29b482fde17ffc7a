import { useMemo, useRef, useState } from 'react';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import DOMPurify from 'dompurify';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { useI18n } from '../i18n/i18n.tsx';
import type { RawKind } from './schema/raw-markdown.ts';

/**
 * A block kept exactly as written (see schema/raw-markdown.ts): shown rendered, so a callout or an
 * HTML table reads as one; double-click, Enter or the Edit button opens its Markdown for editing.
 * Rendering is sanitised and nothing is fetched: the page's CSP blocks remote images anyway.
 */
export function RawMarkdownView({ node, updateAttributes, deleteNode, editor, selected }: ReactNodeViewProps) {
  const { t } = useI18n();
  const markdown = String(node.attrs.markdown ?? '');
  const kind = rawKind(node.attrs.kind);
  const [draft, setDraft] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const preview = useMemo(() => renderPreview(markdown, kind), [markdown, kind]);

  const open = () => {
    if (!editor.isEditable) return;
    setDraft(markdown);
    window.setTimeout(() => area.current?.focus(), 0);
  };
  const close = (keep: boolean) => {
    if (keep && draft !== null && draft !== markdown) {
      if (draft.trim() === '') deleteNode();
      else updateAttributes({ markdown: draft.replace(/\s+$/, '') });
    }
    setDraft(null);
    editor.commands.focus();
  };

  return (
    <NodeViewWrapper className={`raw-block raw-${kind}${selected ? ' is-selected' : ''}`} data-kind={kind} contentEditable={false}>
      <div className="raw-block-label">
        <span>{t(`editor.raw.${kind}`)}</span>
        {draft === null && editor.isEditable && (
          <button type="button" className="link-button" onClick={open}>
            {t('editor.raw.edit')}
          </button>
        )}
      </div>
      {draft === null ? (
        <div
          className="raw-block-preview"
          onDoubleClick={open}
          onKeyDown={(event) => {
            if (event.key === 'Enter') open();
          }}
          tabIndex={0}
          title={t('editor.raw.hint')}
          dangerouslySetInnerHTML={{ __html: preview }}
        />
      ) : (
        <div className="raw-block-editor">
          <textarea
            ref={area}
            value={draft}
            spellCheck={false}
            aria-label={t('editor.raw.markdown')}
            rows={Math.min(20, Math.max(3, draft.split('\n').length + 1))}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              event.stopPropagation();
              if (event.key === 'Escape') close(false);
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) close(true);
            }}
          />
          <div className="raw-block-actions">
            <button type="button" className="primary" onClick={() => close(true)}>
              {t('editor.raw.done')}
            </button>
            <button type="button" onClick={() => close(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </NodeViewWrapper>
  );
}

const KINDS: readonly RawKind[] = ['html', 'callout', 'math', 'footnote', 'definition', 'markdown'];

function rawKind(value: unknown): RawKind {
  return KINDS.find((kind) => kind === value) ?? 'markdown';
}

function renderPreview(markdown: string, kind: RawKind): string {
  // A callout reads as its title and body; math and definitions read best as written.
  if (kind === 'math' || kind === 'definition' || kind === 'footnote') return `<pre>${escapeHtml(markdown)}</pre>`;
  const source = kind === 'callout' ? calloutAsQuote(markdown) : markdown;
  const html = micromark(source, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['img', 'video', 'audio', 'iframe', 'object', 'embed', 'form', 'input', 'style', 'link'], FORBID_ATTR: ['style', 'srcset'] });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** `> [!tip] Title` then body lines: the title (or the callout's type) in bold on its own line, then the body. */
function calloutAsQuote(markdown: string): string {
  return markdown.replace(/^( {0,3}>[ \t]*)\[!([\w-]+)\][+-]?[ \t]*(.*)$/m, (_line, quote: string, type: string, title: string) => {
    const heading = title.trim() || type.charAt(0).toUpperCase() + type.slice(1);
    return `${quote}**${heading.replace(/[*_]/g, '\\$&')}**\n${quote.trimEnd()}`;
  });
}
