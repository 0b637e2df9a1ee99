import { expect, type Page } from '@playwright/test';

/**
 * Shared by the phone-layout and accessibility specs: signing in as any demo user, the list of pages each role
 * can open, and waiting until a page has settled (its h1 shown, no "Loading …" left).
 */
export interface DemoUser {
  email: string;
  password: string;
}

export async function signInAs(page: Page, user: DemoUser) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Domains' })).toBeVisible();
}

export async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

export interface WalkedPage {
  name: string;
  /** Opens the page from a signed-in session. */
  open: (page: Page) => Promise<void>;
}

const goto = (name: string, path: string): WalkedPage => ({
  name,
  open: async (page) => {
    await page.goto(path);
    await settle(page);
  },
});

/** The first row's link of a list page, followed: the detail pages need ids only the seeded data knows. */
const firstLinkOf = (name: string, listPath: string, table: RegExp): WalkedPage => ({
  name,
  open: async (page) => {
    await page.goto(listPath);
    await settle(page);
    await page.getByRole('table', { name: table }).getByRole('row').nth(1).getByRole('link').first().click();
    await settle(page);
  },
});

/** The webmail with its first message open in the reader. */
const inboxMessage: WalkedPage = {
  name: 'inbox message',
  open: async (page) => {
    await page.goto('/inbox');
    await settle(page);
    const row = page.getByRole('grid').getByRole('row').first();
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/inbox\/[^/]+\/[^/]+\/\d+$/);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  },
};

const common = [
  goto('domains', '/domains'),
  firstLinkOf('domain detail', '/domains', /domains of your company/i),
  goto('templates', '/templates'),
  firstLinkOf('template preview', '/templates', /email templates/i),
  goto('sent', '/sent'),
  goto('account', '/account'),
  goto('not found', '/no-such-page'),
];

export const PAGES = {
  admin: [
    ...common,
    goto('compose', '/compose'),
    goto('inbox', '/inbox'),
    inboxMessage,
    goto('users', '/users'),
    goto('audit', '/audit'),
  ],
  operator: [
    ...common,
    goto('compose', '/compose'),
    // No inbox and no admin pages for an operator: the no-access page.
    goto('no access (users)', '/users'),
    goto('no access (audit)', '/audit'),
  ],
  member: [...common, goto('compose', '/compose'), goto('inbox', '/inbox'), inboxMessage],
} satisfies Record<string, WalkedPage[]>;
