// Embed mode (`?embed=1`, or Jaeger UI's `uiEmbed=v0`): for iframes in other tools. The header and
// navigation are hidden; a link opens the same view in full. Once a page was opened embedded, links
// followed inside the frame stay embedded (they do not carry the parameter), so the mode is sticky
// for the life of the page.

let stickyEmbed = false;

export function isEmbedRequested(params: URLSearchParams): boolean {
  const embed = params.get('embed');
  return embed === '1' || embed === 'true' || params.get('uiEmbed') === 'v0';
}

export function isEmbedded(params: URLSearchParams): boolean {
  if (isEmbedRequested(params)) stickyEmbed = true;
  return stickyEmbed;
}

/**
 * `next` with the embed request of `current` carried over, spelled `embed=1` (Jaeger UI's
 * `uiEmbed=v0` is normalised). For pages that write their whole query string from their own state
 * (the search page): without this a rewrite drops the parameter and a reload of the frame shows the
 * full header. `next` is not changed.
 */
export function keepEmbedParam(next: URLSearchParams, current: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(next);
  out.delete('uiEmbed');
  if (isEmbedRequested(current)) out.set('embed', '1');
  return out;
}

/** The current URL without the embed parameters: the same view in the full app. */
export function fullViewHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('uiEmbed');
  return url.toString();
}

/** For tests. */
export function resetEmbedMode(): void {
  stickyEmbed = false;
}
