import { exceedsDepth } from './hostile-request.guard.js';

const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

describe('exceedsDepth', () => {
  it.each([
    ['a scalar', 'x', 1, false],
    ['undefined (no body)', undefined, 1, false],
    ['a flat object at the limit', { a: 1 }, 1, false],
    ['one level past the limit', { a: { b: 1 } }, 1, true],
    ['32 arrays deep, limit 32', nested(32), 32, false],
    ['33 arrays deep, limit 32', nested(33), 32, true],
    ['2,000 arrays deep (no stack overflow)', nested(2000), 32, true],
  ])('%s', (_name, value, limit, expected) => {
    expect(exceedsDepth(value, limit)).toBe(expected);
  });
});
