import { describe, expect, it } from '@jest/globals';
import { targetProblem } from './webhook-target.js';

const PRODUCTION = { requireHttps: true, allowPrivate: false };
const DEVELOPMENT = { requireHttps: false, allowPrivate: true };

describe('webhook targets (SSRF)', () => {
  it.each([
    ['https://hooks.example.com/nok', null],
    ['https://93.184.216.34/hook', null],
    ['http://hooks.example.com/nok', 'must use https'],
    ['https://127.0.0.1/hook', 'must not point to a loopback, private or reserved address'],
    ['https://10.0.0.1/hook', 'must not point to a loopback, private or reserved address'],
    ['https://192.168.1.20/hook', 'must not point to a loopback, private or reserved address'],
    ['https://169.254.169.254/latest/meta-data', 'must not point to a loopback, private or reserved address'],
    ['https://[::1]/hook', 'must not point to a loopback, private or reserved address'],
    ['https://[::ffff:127.0.0.1]/hook', 'must not point to a loopback, private or reserved address'],
    ['https://0.0.0.0/hook', 'must not point to a loopback, private or reserved address'],
    ['https://localhost/hook', 'must not point to this machine'],
    ['https://user:pw@hooks.example.com/', 'must not carry credentials'],
    ['ftp://hooks.example.com/', 'must use https'],
    ['not a url', 'must be an absolute URL'],
  ])('in production, %s: %s', (url, problem) => {
    expect(targetProblem(url, PRODUCTION)).toBe(problem);
  });

  it('allows a receiver on this machine only with the development setting', () => {
    expect(targetProblem('http://127.0.0.1:8080/hook', DEVELOPMENT)).toBeNull();
    expect(targetProblem('http://127.0.0.1:8080/hook', { requireHttps: false, allowPrivate: false })).toBe(
      'must not point to a loopback, private or reserved address',
    );
  });
});
