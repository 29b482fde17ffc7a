import { Fragment, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { absoluteWebAddress, isVaultPath, isWebAddress } from './image-files.ts';

/**
 * No remote image reaches a note by a paste or a drop (ImageDropPaste in note-images.ts): the pasted
 * HTML is cleaned before it is parsed, and the parsed content again, whatever way it came.
 */

/**
 * Pasted HTML with every image that is not a vault file taken out, before anything parses it into
 * the live page: a web image becomes a link to its address (its alt text as the link's text, or the
 * address), any other (data:, blob:, file:…) leaves its alt text. Parsing with DOMParser loads nothing.
 */
export function stripRemoteImages(html: string): string {
  if (!/<(img|picture|source)\b/i.test(html) && !/srcset/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const source of Array.from(doc.querySelectorAll('source'))) source.remove();
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    img.removeAttribute('srcset');
    const src = img.getAttribute('src') ?? '';
    if (isVaultPath(src)) continue;
    const alt = (img.getAttribute('alt') ?? '').trim() || (img.getAttribute('title') ?? '').trim();
    if (isWebAddress(src) && !img.closest('a')) {
      const link = doc.createElement('a');
      link.setAttribute('href', absoluteWebAddress(src));
      link.textContent = alt || absoluteWebAddress(src);
      img.replaceWith(link);
    } else if (alt) {
      img.replaceWith(doc.createTextNode(alt));
    } else {
      img.remove();
    }
  }
  return doc.body.innerHTML;
}

/** The same rule on the parsed slice, whatever way it came (HTML, Markdown text, a drop): a second net. */
export function stripRemoteImageNodes(fragment: Fragment, schema: Schema): Fragment {
  let changed = false;
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.type.name === 'image') {
      const src = String(node.attrs.src ?? '');
      if (isVaultPath(src)) {
        nodes.push(node);
        return;
      }
      changed = true;
      const text = String(node.attrs.alt ?? '').trim() || (isWebAddress(src) ? absoluteWebAddress(src) : '');
      if (!text || !node.isInline) return;
      const link = schema.marks.link;
      const marks = isWebAddress(src) && link ? link.create({ href: absoluteWebAddress(src) }).addToSet(node.marks) : node.marks;
      nodes.push(schema.text(text, marks));
      return;
    }
    if (node.childCount === 0) {
      nodes.push(node);
      return;
    }
    const content = stripRemoteImageNodes(node.content, schema);
    if (content !== node.content) changed = true;
    nodes.push(content === node.content ? node : node.copy(content));
  });
  return changed ? Fragment.fromArray(nodes) : fragment;
}
