/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // `npm test`: unit tests beside the code, end-to-end suites in test/<feature>/, all needing nothing but Node.
  // Suites that need more have their own ending and command: *.clamd.ts (clamd, `npm run test:malware`),
  // *.browser.ts (Chromium, `npm run test:browser`), *.resilience.ts (`npm run test:resilience`).
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60_000,
  setupFiles: ['<rootDir>/test/support/jest-setup.ts'],
};
