/**
 * The link policy for addresses that come from input (an article's `source.url`): a value is a
 * link only when it parses as an absolute http(s) URL. Anything else ("example.com/page",
 * "javascript:…", "data:…", a bare word) is shown as plain text, and a value that does not
 * parse can never throw inside a view.
 */

/**
 * The URL when `value` is an absolute http: or https: address, else null.
 *
 * @example
 * safeHttpUrl('https://enabbaladi.net/a')?.hostname  // 'enabbaladi.net'
 * safeHttpUrl('example.com/page')                    // null (not absolute)
 * safeHttpUrl('javascript:alert(1)')                 // null
 */
export function safeHttpUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  // Only an explicit scheme counts: URL() would read "example.com:80/page" as scheme "example.com".
  if (!/^https?:\/\//i.test(value.trim())) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url;
}
