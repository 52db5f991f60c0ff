import type { CaseState } from '@app/common';
import { businessMs, slaTimers, type StateEntry } from './sla-timers.js';

// 2026-11-23 is a Monday.
const at = (day: string, time = '10:00'): Date => new Date(`2026-11-${day}T${time}:00Z`);
const H = 3_600_000;
const history = (...entries: [CaseState, Date][]): StateEntry[] =>
  entries.map(([state, when]) => ({ state, at: when }));

describe('business time', () => {
  it.each([
    [at('23', '10:00'), at('23', '12:00'), 2 * H],
    [at('27', '22:00'), at('30', '02:00'), 4 * H], // Friday 22:00 to Monday 02:00: the weekend does not count
    [at('28', '00:00'), at('30', '00:00'), 0], // a whole weekend
    [at('23', '00:00'), at('30', '00:00'), 5 * 24 * H], // a whole week
  ])('from %s to %s is %d ms', (from, to, expected) => {
    expect(businessMs(from.getTime(), to.getTime())).toBe(expected);
  });
});

describe('time to the first review action (2 business days)', () => {
  it('runs from ready for review, not while documents are awaited', () => {
    const clocks = slaTimers(history(['AWAITING_DOCUMENTS', at('16')], ['READY_FOR_REVIEW', at('23')]), at('24'));
    expect(clocks.firstReview).toMatchObject({ status: 'RUNNING', usedMs: 24 * H, dueAt: at('25'), nearBreach: false });
  });

  it('skips the weekend when computing the due date', () => {
    const clocks = slaTimers(history(['READY_FOR_REVIEW', at('27')]), at('30'));
    expect(clocks.firstReview).toMatchObject({
      status: 'RUNNING',
      usedMs: 24 * H,
      dueAt: new Date('2026-12-01T10:00:00Z'),
    }); // Friday 10:00 + 2 business days
  });

  it('pauses while waiting for the family again', () => {
    const clocks = slaTimers(
      history(['READY_FOR_REVIEW', at('23', '10:00')], ['AWAITING_DOCUMENTS', at('23', '12:00')]),
      at('26'),
    );
    expect(clocks.firstReview).toMatchObject({ status: 'PAUSED', dueAt: null, usedMs: 2 * H });
  });

  it('is met by the first review, and remembers when', () => {
    const clocks = slaTimers(history(['READY_FOR_REVIEW', at('23')], ['IN_REVIEW', at('24', '09:00')]), at('26'));
    expect(clocks.firstReview).toMatchObject({ status: 'MET', metAt: at('24', '09:00') });
  });

  it('is breached after two business days without review', () => {
    expect(slaTimers(history(['READY_FOR_REVIEW', at('23')]), at('26')).firstReview.status).toBe('BREACHED');
  });

  it('was breached when the review came late', () => {
    const clocks = slaTimers(history(['READY_FOR_REVIEW', at('23')], ['IN_REVIEW', at('26')]), at('27'));
    expect(clocks.firstReview).toMatchObject({ status: 'BREACHED', metAt: at('26') });
  });

  it('warns in the last quarter of its time', () => {
    expect(slaTimers(history(['READY_FOR_REVIEW', at('23')]), at('24', '23:00')).firstReview.nearBreach).toBe(true);
    expect(slaTimers(history(['READY_FOR_REVIEW', at('23')]), at('24', '20:00')).firstReview.nearBreach).toBe(false);
  });
});

describe('time to a decision (30 days)', () => {
  it('does not count the weeks the family took to answer', () => {
    const clocks = slaTimers(
      history(
        ['READY_FOR_REVIEW', new Date('2026-11-01T00:00:00Z')],
        ['IN_REVIEW', new Date('2026-11-02T00:00:00Z')],
        ['NEEDS_INFO', new Date('2026-11-06T00:00:00Z')],
        ['READY_FOR_REVIEW', new Date('2026-11-16T00:00:00Z')],
      ),
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(clocks.decision).toMatchObject({
      status: 'RUNNING',
      usedMs: 10 * 24 * H,
      dueAt: new Date('2026-12-11T00:00:00Z'),
    });
  });

  it('is met by an approval or a rejection', () => {
    const clocks = slaTimers(
      history(['READY_FOR_REVIEW', at('02')], ['IN_REVIEW', at('03')], ['REJECTED', at('20')]),
      at('23'),
    );
    expect(clocks.decision).toMatchObject({ status: 'MET', metAt: at('20') });
  });

  it('stops when the family withdraws', () => {
    const clocks = slaTimers(history(['READY_FOR_REVIEW', at('02')], ['WITHDRAWN', at('05')]), at('23'));
    expect(clocks.decision).toMatchObject({ status: 'STOPPED', dueAt: null });
    expect(clocks.firstReview).toMatchObject({ status: 'STOPPED' });
  });
});
