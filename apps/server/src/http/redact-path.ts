/**
 * The request path as the log keeps it: no query string (it can carry tokens and cursors) and no
 * personal data in path parameters. The account routes name the deceased's address
 * (`/api/v1/accounts/<email>/…`); any other segment that looks like an address (an `@`, raw or
 * percent-encoded) is redacted too, so a new route cannot leak one by accident.
 */
export function redactPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  const segments = path.split('/');
  return segments
    .map((segment, index) =>
      (index > 0 && segments[index - 1] === 'accounts') || /@|%40/i.test(segment) ? '[redacted]' : segment,
    )
    .join('/');
}
