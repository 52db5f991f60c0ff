import base from './jest.config.js';

/** The browser suite: the built web UI in Debian's Chromium, driven by playwright-core. */
export default { ...base, testMatch: ['<rootDir>/test/browser/**/*.browser.ts'], testTimeout: 120_000 };
