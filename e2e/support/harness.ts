import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createInvoice, login } from '../../server/test/support/api.ts';
import { type SpawnedServer, spawnServer } from '../../server/test/support/spawnServer.ts';
import { launchChromium } from './browser.ts';
import { ensureClientBuilt } from './clientBuild.ts';
import { EditorPage } from './editorPage.ts';

export const PASSWORD = 'cofacture-demo';

/** One real server (temp data dir, demo seed) and one Chromium for a test file. */
export interface E2E {
  readonly server: SpawnedServer;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** A new browser context (its own sessionStorage, its own person) signed in as `email`. */
  signIn(email: string): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in and opens the invoice, waiting until the editor is connected and bound. */
  openInvoice(email: string, invoiceId: string): Promise<EditorPage>;
  /** Creates an invoice through the API as `email`; `invoice` is the optional initial content. */
  createInvoice(email: string, invoice?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  ensureClientBuilt();
  const server = await spawnServer();
  const browser = await launchChromium();
  const baseUrl = server.url;
  const contexts: BrowserContext[] = [];

  const signIn = async (email: string) => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${email}] page error:`, error));
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    return { context, page };
  };

  return {
    server,
    browser,
    baseUrl,
    signIn,
    async openInvoice(email, invoiceId) {
      const { context, page } = await signIn(email);
      await page.goto(`${baseUrl}/invoices/${invoiceId}`);
      const editor = new EditorPage(page, context);
      await editor.waitConnected();
      return editor;
    },
    async createInvoice(email, invoice) {
      const token = await login(baseUrl, email, PASSWORD);
      return createInvoice(baseUrl, token, invoice ? { invoice } : {});
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.stop();
    },
  };
}
