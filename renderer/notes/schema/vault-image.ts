import Image from '@tiptap/extension-image';

/**
 * A note's image is a file of the vault (`attachments/…`), shown through `resolveSrc`; an image
 * whose address is on the web is never fetched: it shows as a link-like chip with its alt text
 * (opened, like any web link, only on request). Typing `![…](…)` makes no image: only a pasted or
 * dropped file does, so nothing typed can make the app reach out.
 */
export function vaultImage(resolveSrc: (vaultPath: string) => string) {
  return Image.extend({
    addInputRules() {
      return [];
    },
    parseHTML() {
      return [{ tag: 'img[src]', getAttrs: (element) => ({ src: element.getAttribute('data-src') ?? element.getAttribute('src'), alt: element.getAttribute('alt'), title: element.getAttribute('title') }) }];
    },
    renderHTML({ node }) {
      const src = String(node.attrs.src ?? '');
      const alt = String(node.attrs.alt ?? '');
      const title = node.attrs.title ? String(node.attrs.title) : null;
      if (!isInVault(src)) return ['span', { class: 'image-remote', 'data-src': src, title: src }, alt || src];
      return ['img', { src: resolveSrc(src), 'data-src': src, alt, ...(title ? { title } : {}) }];
    },
  }).configure({ inline: true, allowBase64: false });
}

/** A relative path inside the vault: no scheme, not absolute, never climbing out with `..`. */
export function isInVault(src: string): boolean {
  const value = src.trim();
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('\\')) return false;
  try {
    return !decodeURI(value).split(/[\\/]/).includes('..');
  } catch {
    return false; // a malformed %-escape is no path of the vault
  }
}
