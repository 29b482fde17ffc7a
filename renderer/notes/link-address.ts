/** What a person types, as an address: `example.org/x` is a web address, `me@example.org` a mail address. */
export function normalizeHref(typed: string): string {
  const value = typed.trim();
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('#') || value.startsWith('/') || value.startsWith('.')) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  if (/^(www\.|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,})(:\d+)?([/?#]|$)/u.test(value)) return `https://${value}`;
  return value;
}
