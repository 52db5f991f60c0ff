import { DataSource } from 'typeorm';
import { isConnectionWaitTimeout } from './connection-wait.js';

/** Against the test cluster, through TypeORM as the app uses it: the error must be recognised as it really arrives. */
describe('isConnectionWaitTimeout', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: process.env.TEST_DATABASE_URL,
      extra: { max: 1, connectionTimeoutMillis: 100 },
    });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('recognises a query that got no pooled connection within the wait', async () => {
    const holder = dataSource.createQueryRunner();
    await holder.connect(); // the pool's only connection
    try {
      const error: unknown = await dataSource.query('SELECT 1').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(isConnectionWaitTimeout(error)).toBe(true);
    } finally {
      await holder.release();
    }
  });

  it('does not take other database errors for one', async () => {
    const error: unknown = await dataSource.query('SELECT 1 / 0').catch((caught: unknown) => caught);
    expect(isConnectionWaitTimeout(error)).toBe(false);
    expect(isConnectionWaitTimeout(new Error('boom'))).toBe(false);
    expect(isConnectionWaitTimeout(undefined)).toBe(false);
  });
});
