import { expect, test, type Page } from '@playwright/test';
import { articleRows, articleTable, firstRun, openArticle } from './helpers.ts';

/**
 * Start-up evaluates only the entry chunk (renderer/parts): the reader, the importer, the dataset formats and the
 * dialogs are chunks of their own, loaded while idle or on first use. Blocks every script index.html does not name.
 */
async function blockLazyChunks(page: Page, baseURL: string) {
  const html = await (await page.request.get(baseURL)).text();
  const named = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => new URL(m[1]!, baseURL).pathname));
  expect(named.size).toBeGreaterThan(0);
  const blocked = new Set<string>();
  await page.route('**/assets/*.js', (route) => {
    const path = new URL(route.request().url()).pathname;
    // the search worker is a script of its own, started by the library
    if (named.has(path) || path.includes('search.worker')) return route.continue();
    blocked.add(path);
    return route.abort();
  });
  return blocked;
}

test('the library’s first screen needs only the entry chunk; a part that cannot load says so, and loads when used again', async ({ page, baseURL }) => {
  const blocked = await blockLazyChunks(page, baseURL!);
  await firstRun(page);
  await expect(articleTable(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import files…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open sample articles' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeVisible();
  // the idle preload tried the other parts and was refused: the screen is unaffected
  await expect.poll(() => blocked.size).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Open sample articles' }).click();
  await expect(page.getByRole('alert')).toContainText('Factmark could not load the importer');
  await expect(page.getByRole('alert')).toContainText('Reload the window');
  await expect(articleRows(page)).toHaveCount(0);

  await page.unrouteAll();
  await page.getByRole('alert').getByRole('button').click();
  await page.getByRole('button', { name: 'Open sample articles' }).click();
  await expect(articleRows(page)).toHaveCount(5);
  await openArticle(page, /Kaspiysk/);
});

test('opening an article when the reader cannot load: a clear message, the library stays usable', async ({ page, baseURL }) => {
  await firstRun(page);
  await page.getByRole('button', { name: 'Open sample articles' }).click();
  await expect(articleRows(page)).toHaveCount(5);
  await blockLazyChunks(page, baseURL!);
  await page.reload();
  await articleTable(page).getByRole('button', { name: /Kaspiysk/ }).click();
  await expect(page.getByRole('alert')).toContainText('Factmark could not load the reader');
  await expect(page.getByRole('document', { name: 'Article text' })).toHaveCount(0);
  await expect(page.getByText('Choose an article in the library to read and tag it.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('Kaspiysk');
  await expect(articleRows(page)).toHaveCount(1);
});
