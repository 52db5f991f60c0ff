import { ConfigurationError, loadConfig } from './app-config.js';

const key = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('has working development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      MAX_FILE_SIZE_BYTES: 25 * 1024 * 1024,
      MAX_DOCUMENTS_PER_CASE: 40,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts variables', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', DATABASE_URL: 'postgres://u:p@db:5432/nok' });
    expect(config).toMatchObject({ PORT: 8080, TRUST_PROXY: true, DATABASE_URL: 'postgres://u:p@db:5432/nok' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MAX_FILE_SIZE_BYTES: '-1' }, 'MAX_FILE_SIZE_BYTES'],
    [{ DOCUMENT_MASTER_KEY: 'too-short' }, 'DOCUMENT_MASTER_KEY'],
    [{ NODE_ENV: 'production' }, 'DOCUMENT_MASTER_KEY'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${variable}:`));
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect((error as ConfigurationError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });

  it('reads every variable it knows from the environment, optional ones too', () => {
    const env = { SMTP_URL: 'smtp://mail:25', CLAMD_SOCKET: '/run/clamav/clamd.ctl', EMBEDDED_POSTGRES_PORT: '5433' };
    expect(loadConfig(env)).toMatchObject({ ...env, EMBEDDED_POSTGRES_PORT: 5433 });
  });

  it('has the embedded PostgreSQL listen on no TCP port unless asked', () => {
    expect(loadConfig({}).EMBEDDED_POSTGRES_PORT).toBeUndefined();
  });

  it('points e-mail links at the port the server listens on, unless PUBLIC_URL says otherwise', () => {
    expect(loadConfig({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3311' }).PUBLIC_URL).toBe('http://localhost:3311');
    expect(loadConfig({}, { PORT: 4000 }).PUBLIC_URL).toBe('http://localhost:4000');
    expect(loadConfig({ PORT: '3311', PUBLIC_URL: 'https://kin.example' }).PUBLIC_URL).toBe('https://kin.example');
  });

  it('accepts production with a master key', () => {
    expect(loadConfig({ NODE_ENV: 'production', DOCUMENT_MASTER_KEY: key }).isProduction).toBe(true);
  });
});
