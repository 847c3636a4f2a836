import type { Locator, Page } from 'playwright-core';

/** The parts of the app around the editor that carry the workflow, seen through their names. */
export const workflow = {
  /** The "Next steps" panel of the open invoice. */
  panel: (page: Page): Locator => page.getByRole('region', { name: 'Next steps' }),
  /** An action button of the panel, by its exact label ("Submit for review", "Verify"). */
  action: (page: Page, label: string): Locator =>
    page.getByRole('region', { name: 'Next steps' }).getByRole('button', { name: label, exact: true }),
  /** The open action dialog ("Request changes", "Issue"). */
  dialog: (page: Page, label: string): Locator => page.getByRole('dialog', { name: label }),
  status: (page: Page): Locator => page.locator('.editor-toolbar .status-badge'),
  number: (page: Page): Locator => page.locator('[data-invoice-number]'),
  /** The bell, whatever its unread count ("Notifications, 2 unread"). */
  bell: (page: Page): Locator => page.getByRole('button', { name: /^Notifications/ }),
  bellPanel: (page: Page): Locator => page.getByRole('region', { name: 'Notifications' }),
};
