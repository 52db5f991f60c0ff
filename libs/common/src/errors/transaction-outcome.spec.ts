import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain-exception.js';
import { certainlyRolledBack, sqlStateOf } from './transaction-outcome.js';

/** What pg makes of an ErrorResponse from the server. */
const serverError = (code: string) => Object.assign(new Error('server said no'), { code, severity: 'ERROR' });
const wrapped = (driverError: Error) => new QueryFailedError('COMMIT', [], driverError);

describe('certainlyRolledBack', () => {
  it.each([
    ['our own refusal', true, new DomainException('NOT_FOUND', 'no such case')],
    ['a unique violation', true, wrapped(serverError('23505'))],
    ['a serialization failure', true, wrapped(serverError('40001'))],
    ['a deadlock', true, serverError('40P01')],
    ['a disk full', true, wrapped(serverError('53100'))],
    ['the connection failing', false, wrapped(serverError('08006'))],
    ['an administrator shutdown mid-commit', false, wrapped(serverError('57P01'))],
    ['a crash shutdown', false, wrapped(serverError('57P02'))],
    ['a broken pipe', false, wrapped(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))],
    ['a dropped socket', false, wrapped(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))],
    ['a connection terminated unexpectedly', false, wrapped(new Error('Connection terminated unexpectedly'))],
    ['a timeout', false, new Error('Query read timeout')],
    ['no pooled connection in time', true, new Error('timeout exceeded when trying to connect')],
    ['no new connection in time', true, new Error('Connection terminated due to connection timeout')],
    ['a bug', false, new TypeError('undefined is not a function')],
    ['not an error at all', false, 'boom'],
  ])('%s → %s', (_case, expected, error) => {
    expect(certainlyRolledBack(error)).toBe(expected);
  });
});

describe('sqlStateOf', () => {
  it.each([
    [wrapped(serverError('40P01')), '40P01'],
    [serverError('23505'), '23505'],
    [wrapped(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), undefined],
    [Object.assign(new Error('x'), { code: 'EPIPE' }), undefined],
    [null, undefined],
    [{ code: 42 }, undefined],
  ])('case %#', (error, expected) => {
    expect(sqlStateOf(error)).toBe(expected);
  });
});
