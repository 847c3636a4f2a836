import type { BrowserContext, Locator, Page } from 'playwright-core';

const TIMEOUT = 15_000;

/** The invoice editor as a person sees it: fields found by their visible labels. */
export class EditorPage {
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A line input, by column and 1-based line number: `line('Quantity', 2)`. */
  line(column: 'Description' | 'Quantity' | 'Unit price' | 'VAT rate', n: number): Locator {
    return this.field(`${column}, line ${n}`);
  }

  richText(label: 'Notes' | 'Payment terms'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  connection(): Locator {
    return this.page.locator('.connection[role="status"]');
  }

  async waitConnected(): Promise<void> {
    await this.page.locator('.connection[data-state="connected"]').waitFor({ timeout: TIMEOUT });
    await this.field('Buyer name').waitFor({ timeout: TIMEOUT });
  }

  /** Waits until the server acknowledged every local change. */
  async waitSaved(): Promise<void> {
    await this.page
      .locator('.connection[data-state="connected"][data-unsynced="0"]')
      .waitFor({ timeout: TIMEOUT });
  }

  total(which: 'net' | 'gross'): Locator {
    return this.page.locator(`[data-total="${which}"]`);
  }

  lineRows(): Locator {
    return this.page.locator('tr[data-line-id]');
  }

  /** The ring and name shown on a field someone else is in. */
  peerTag(fieldPath: string): Locator {
    return this.page.locator(`[data-field="${fieldPath}"] .peer-tag`);
  }

  /** The badge of the lock held on `path` ("Locked by Alice Martin"). */
  lockBadge(path: string): Locator {
    return this.page.locator(`.lock-badge[data-lock-path="${path}"]`);
  }

  /** A button by its accessible name, exactly: "Lock Buyer name", "Unlock line 2", "Break lock on Buyer name". */
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The notice the server's messages show (refused edit, refused lock). */
  notice(): Locator {
    return this.page.locator('.notice-warning[role="alert"]');
  }

  avatars(): Locator {
    return this.page.getByRole('list', { name: 'People in this invoice' }).getByRole('listitem');
  }

  /** Every value the person can see, to compare two screens. */
  async snapshot(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (const element of document.querySelectorAll<
        HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
      >('.editor input, .editor textarea, .editor select')) {
        const label =
          element.getAttribute('aria-label') ??
          (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null);
        if (label) out[label] = element.value;
      }
      for (const rich of document.querySelectorAll<HTMLElement>('.rich-text-input')) {
        const labelId = rich.getAttribute('aria-labelledby');
        const label = labelId ? document.getElementById(labelId)?.textContent : null;
        if (label) out[label] = rich.textContent ?? '';
      }
      for (const total of document.querySelectorAll<HTMLElement>('[data-total]')) {
        out[`total:${total.dataset.total}`] = total.textContent ?? '';
      }
      return out;
    });
  }
}
