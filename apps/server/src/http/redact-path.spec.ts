import { redactPath } from './redact-path.js';

describe('redactPath', () => {
  it.each([
    ['/api/v1/accounts/anna.keller@outlook.com/timeline', '/api/v1/accounts/[redacted]/timeline'],
    ['/api/v1/accounts/anna.keller%40outlook.com/activity', '/api/v1/accounts/[redacted]/activity'],
    ['/api/v1/accounts/whatever', '/api/v1/accounts/[redacted]'],
    ['/api/v1/other/jonas@example.org', '/api/v1/other/[redacted]'],
    ['/api/v1/requests/NOK-2026-000123?token=secret', '/api/v1/requests/NOK-2026-000123'],
    ['/api/v1/health', '/api/v1/health'],
  ])('%s', (url, expected) => {
    expect(redactPath(url)).toBe(expected);
  });
});
