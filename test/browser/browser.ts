import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { AppConfig } from '@app/common';
import { createTestApp, type TestApp } from '../support/test-app.js';

export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

/** The whole server on its own database, listening on a port, serving the built UI. */
export async function startServer(overrides: Partial<AppConfig> = {}): Promise<{ app: TestApp; origin: string }> {
  const app = await createTestApp({ WEB_DIR: 'dist/web', ...overrides });
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${String(port)}` };
}

/** Debian's Chromium (never a downloaded browser), headless, with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A form field by its label, whose required mark (" *") Mantine adds. */
export const field = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
