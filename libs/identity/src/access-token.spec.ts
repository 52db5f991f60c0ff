import {
  accessTokenMatches,
  bearerToken,
  generateAccessToken,
  hashAccessToken,
  isWellFormedAccessToken,
} from './access-token.js';

describe('requester access tokens', () => {
  it('are 256 random bits, base64url, and differ every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateAccessToken().token));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isWellFormedAccessToken(token)).toBe(true);
    }
  });

  it('match only their own hash', () => {
    const a = generateAccessToken();
    const b = generateAccessToken();
    expect(accessTokenMatches(a.token, a.hash)).toBe(true);
    expect(accessTokenMatches(a.token, b.hash)).toBe(false);
    expect(accessTokenMatches(a.token, Buffer.alloc(3))).toBe(false);
    expect(hashAccessToken(a.token).equals(a.hash)).toBe(true);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc  ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
