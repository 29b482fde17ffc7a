/** An http or https address, as the URL parser writes it; undefined for anything else (file:, javascript:, carnet:, a typo). */
export function webAddress(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
