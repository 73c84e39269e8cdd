import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { addSamples, articleRows, articleTable, dragSelect, firstRun, openArticle } from './helpers.ts';

const KASPIYSK = 'Drone attack on the Kaspiysk port, Caspian Sea';
const SEVASTOPOL = 'Missile strike on the Sevastopol shipyard';
const DZHANKOI = 'Strike on Kalibr missiles by rail in Dzhankoi, Crimea';

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });
const rowOf = (page: Page, title: string) => articleRows(page).filter({ has: page.getByRole('button', { name: title, exact: true }) });
const tick = (page: Page, title: string) => page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
const trashButton = (page: Page) => page.getByRole('button', { name: /^Trash/ });
const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected articles' });

/** Opens an article, tags one claim in it, and waits for the count in the table. */
async function tagClaim(page: Page, title: string, needle: string) {
  await openArticle(page, title);
  await dragSelect(page, needle);
  await page.keyboard.press('1');
  await expect(rowOf(page, title)).toContainText('1 claim');
}

test.describe('library', () => {
  test.beforeEach(async ({ page }) => {
    await firstRun(page);
    await addSamples(page);
  });

  test('search as you type: titles at once, article text through the index, clearing shows all', async ({ page }) => {
    await search(page).fill('kaspiysk');
    await expect(articleRows(page)).toHaveCount(1);
    await expect(articleRows(page)).toContainText(KASPIYSK);
    // a name that is only in the article's text
    await search(page).fill('Kovalen');
    await expect(articleRows(page)).toHaveCount(1);
    await expect(articleRows(page)).toContainText(KASPIYSK);
    // every word must match, in any order; case and accents do not matter
    await search(page).fill('SHIPYARD Sévastopol');
    await expect(articleRows(page)).toHaveText([new RegExp(SEVASTOPOL)]);
    await expect(page.getByText('1 article of 5 shown')).toBeVisible();
    await search(page).fill('no such word anywhere');
    await expect(articleRows(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(search(page)).toHaveValue('');
    await expect(articleRows(page)).toHaveCount(5);
  });

  test('status per article is kept, filters the table, and sorts; columns sort both ways', async ({ page }) => {
    const status = page.getByRole('combobox', { name: `Status of ${KASPIYSK}` });
    await expect(status).toHaveValue('todo');
    await status.selectOption('In progress');
    const done = page.getByRole('combobox', { name: `Status of ${SEVASTOPOL}` });
    await done.selectOption('Done');
    // the select shows a status once it is saved
    await expect(done).toHaveValue('done');
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Status of ${KASPIYSK}` })).toHaveValue('in-progress');

    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('Done');
    await expect(articleRows(page)).toHaveText([new RegExp(SEVASTOPOL)]);
    await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('Any status');

    const header = (name: string) => articleTable(page).getByRole('columnheader', { name });
    await expect(header('Title')).toHaveAttribute('aria-sort', 'none');
    await header('Title').getByRole('button').click();
    await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
    const titles = articleTable(page).locator('.title-button');
    await expect(titles.first()).toHaveText(KASPIYSK);
    await header('Title').getByRole('button').click();
    await expect(header('Title')).toHaveAttribute('aria-sort', 'descending');
    await expect(titles.first()).toHaveText('The Dzhankoy rail route for Kalibr missiles');
    await header('Status').getByRole('button').click();
    await expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Title')).toHaveAttribute('aria-sort', 'none');
    await expect(titles.last()).toHaveText(SEVASTOPOL);
    await expect(articleTable(page).getByRole('columnheader', { name: 'Adjudication' })).toBeVisible();
    await expect(rowOf(page, KASPIYSK)).toContainText('Not started');
  });

  test('filters by source and by has claims / nothing yet', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Filter by source' }).selectOption('CNN');
    await expect(articleRows(page)).toHaveText([new RegExp(DZHANKOI)]);
    await page.getByRole('combobox', { name: 'Filter by source' }).selectOption('Any source');

    await tagClaim(page, KASPIYSK, 'A port was attacked in Kaspiysk');
    const annotations = page.getByRole('combobox', { name: 'Filter by annotations' });
    await annotations.selectOption('Has claims');
    await expect(articleRows(page)).toHaveText([new RegExp(KASPIYSK)]);
    await annotations.selectOption('Has denials');
    await expect(articleRows(page)).toHaveCount(0);
    await annotations.selectOption('Nothing yet');
    await expect(articleRows(page)).toHaveCount(4);
    await expect(rowOf(page, KASPIYSK)).toHaveCount(0);
  });

  test('collections: put ticked articles in a named collection, filter by it, take one out', async ({ page }) => {
    await tick(page, KASPIYSK);
    await tick(page, SEVASTOPOL);
    await expect(selectionBar(page)).toContainText('2 articles selected');
    await selectionBar(page).getByRole('button', { name: 'Add to collection…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to collection' });
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Give the collection a name.');
    await dialog.getByRole('combobox', { name: 'Collection' }).fill('Black Sea strikes');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Added 2 articles to “Black Sea strikes”.');

    await page.reload();
    await page.getByRole('combobox', { name: 'Filter by collection' }).selectOption('Black Sea strikes');
    await expect(articleRows(page)).toHaveCount(2);
    await tick(page, KASPIYSK);
    await selectionBar(page).getByRole('button', { name: 'Remove from “Black Sea strikes”' }).click();
    await expect(articleRows(page)).toHaveText([new RegExp(SEVASTOPOL)]);
  });

  test('collections: rename one (a taken or empty name is refused) and delete one — its articles stay in the library', async ({ page }) => {
    const collection = page.getByRole('combobox', { name: 'Filter by collection' });
    const addTo = async (titles: string[], name: string) => {
      for (const t of titles) await tick(page, t);
      await selectionBar(page).getByRole('button', { name: 'Add to collection…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add to collection' });
      await dialog.getByRole('combobox', { name: 'Collection' }).fill(name);
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(dialog).toBeHidden();
      await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
    };
    await addTo([KASPIYSK, SEVASTOPOL], 'Black Sea');
    await addTo([DZHANKOI], 'Crimea');
    // the buttons appear once a collection is chosen in the filter
    await expect(page.getByRole('button', { name: 'Rename collection…' })).toHaveCount(0);
    await collection.selectOption('Black Sea');
    await page.getByRole('button', { name: 'Rename collection…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename collection' });
    const field = rename.getByRole('textbox', { name: 'New name for “Black Sea”' });
    await expect(field).toHaveValue('Black Sea');
    await field.fill('Crimea');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(rename.getByRole('alert')).toHaveText('A collection named “Crimea” already exists.');
    await field.fill('  ');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(rename.getByRole('alert')).toHaveText('Give the collection a name.');
    await field.fill('Black Sea fleet');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(rename).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Renamed the collection “Black Sea” to “Black Sea fleet”.');
    await expect(collection).toHaveValue('Black Sea fleet');
    await expect(articleRows(page)).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('collection-renamed.png') });

    // kept after a reload; the old name is gone from the filter
    await page.reload();
    await expect(collection.getByRole('option')).toHaveText(['All collections', 'Black Sea fleet', 'Crimea']);
    await collection.selectOption('Black Sea fleet');
    await expect(articleRows(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Delete collection…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete collection' });
    await expect(confirm).toContainText('Its articles stay in the library');
    await confirm.getByRole('button', { name: 'Delete collection' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Deleted the collection “Black Sea fleet”. Its 2 articles stay in the library.');
    await expect(collection).toHaveValue('any');
    await expect(articleRows(page)).toHaveCount(5);
    await page.reload();
    await expect(collection.getByRole('option')).toHaveText(['All collections', 'Crimea']);
    await expect(articleRows(page)).toHaveCount(5);
    await collection.selectOption('Crimea');
    await expect(articleRows(page)).toHaveText([new RegExp(DZHANKOI)]);
  });

  test('edit details: a bad URL is refused in the dialog, then the new title and source show everywhere', async ({ page }) => {
    await openArticle(page, KASPIYSK);
    await tick(page, KASPIYSK);
    await selectionBar(page).getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await expect(dialog.getByRole('textbox', { name: 'Source' })).toHaveValue('Newsweek');
    await expect(dialog.getByRole('textbox', { name: 'Date' })).toHaveValue('2023');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Kaspiysk port attacked');
    await dialog.getByRole('textbox', { name: 'Source' }).fill('Newsweek Europe');
    await dialog.getByRole('textbox', { name: 'URL' }).fill('javascript:alert(1)');
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Compare with the Russian statement.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The URL must start with http:// or https://.');
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Kaspiysk port attacked');
    await dialog.getByRole('textbox', { name: 'URL' }).fill('https://www.newsweek.com/kaspiysk');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowOf(page, 'Kaspiysk port attacked')).toContainText('Newsweek Europe');
    await expect(page.getByRole('heading', { name: 'Kaspiysk port attacked' })).toBeVisible();
    await page.reload();
    await expect(rowOf(page, 'Kaspiysk port attacked')).toContainText('Newsweek Europe');
  });

  test('delete asks first, can be undone, and the trash restores an article with its annotations or deletes it forever', async ({ page }) => {
    test.slow(); // a long flow: delete, undo, trash, restore, delete forever, with reloads
    await tagClaim(page, KASPIYSK, 'A port was attacked in Kaspiysk');
    await tick(page, KASPIYSK);
    await selectionBar(page).getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Move to trash' });
    await expect(confirm).toContainText(`Move “${KASPIYSK}” to the trash?`);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(articleRows(page)).toHaveCount(5);

    await selectionBar(page).getByRole('button', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await expect(articleRows(page)).toHaveCount(4);
    await expect(page.getByRole('document', { name: 'Article text' })).toBeHidden();
    await expect(page.getByRole('status')).toHaveText('Moved 1 article to the trash.');
    await page.screenshot({ path: test.info().outputPath('after-delete.png') });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(articleRows(page)).toHaveCount(5);
    await expect(rowOf(page, KASPIYSK)).toContainText('1 claim');

    // again, then back from the Trash view
    await tick(page, KASPIYSK);
    await selectionBar(page).getByRole('button', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await expect(articleRows(page)).toHaveCount(4);
    await page.reload();
    await trashButton(page).click();
    await expect(trashButton(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(articleRows(page)).toHaveText([new RegExp(KASPIYSK)]);
    await page.screenshot({ path: test.info().outputPath('trash.png') });
    await articleRows(page).getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText('The trash is empty.')).toBeVisible();
    await trashButton(page).click();
    await expect(rowOf(page, KASPIYSK)).toContainText('1 claim');
    await openArticle(page, KASPIYSK);
    await expect(page.getByRole('region', { name: 'Annotations' }).getByRole('listitem')).toHaveCount(1);

    // delete forever: asks, says how many annotations go, and nothing comes back
    await tick(page, KASPIYSK);
    await selectionBar(page).getByRole('button', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await expect(confirm).toBeHidden();
    await trashButton(page).click();
    await articleRows(page).getByRole('button', { name: 'Delete forever' }).click();
    const forever = page.getByRole('dialog', { name: 'Delete forever' });
    await expect(forever).toContainText('1 annotation will be deleted with it. This cannot be undone.');
    await forever.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page.getByRole('status')).toHaveText('Deleted 1 article and 1 annotation forever.');
    await expect(page.getByText('The trash is empty.')).toBeVisible();
    await page.reload();
    await expect(articleRows(page)).toHaveCount(4);
    await expect(trashButton(page)).toHaveText('Trash');
  });

  test('the table is keyboard-usable: arrows move between titles, Enter opens', async ({ page }) => {
    const second = "Dzhankoy strike: Ukrainian intelligence's account";
    await articleTable(page).getByRole('columnheader', { name: 'Title' }).getByRole('button').press('Enter');
    await articleTable(page).getByRole('button', { name: KASPIYSK }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(articleTable(page).getByRole('button', { name: second })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: second })).toBeVisible();
    await expect(articleTable(page).getByRole('button', { name: second })).toHaveAttribute('aria-current', 'page');
    await page.screenshot({ path: test.info().outputPath('reading.png') });
  });

  test('export: a collection or the ticked articles (the selection) as their own scopes', async ({ page }) => {
    const exportTitles = async (scope: 'Collection' | 'Selection') => {
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export dataset' });
      await dialog.getByRole('radio', { name: scope, exact: true }).check();
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Factmark JSONL' });
      const downloading = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export' }).click();
      const file = await (await downloading).path();
      await expect(dialog).toBeHidden();
      const lines = (await readFile(file!, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title?: string; document?: { title?: string } });
      return lines.map((l) => l.title ?? l.document?.title).filter(Boolean).sort();
    };
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export dataset' });
    await expect(dialog.getByRole('radio', { name: 'Selection', exact: true })).toBeDisabled();
    await expect(dialog.getByRole('radio', { name: 'Collection', exact: true })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await tick(page, KASPIYSK);
    await tick(page, DZHANKOI);
    expect(await exportTitles('Selection')).toEqual([KASPIYSK, DZHANKOI].sort());

    await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
    await tick(page, SEVASTOPOL);
    await selectionBar(page).getByRole('button', { name: 'Add to collection…' }).click();
    await page.getByRole('dialog', { name: 'Add to collection' }).getByRole('combobox', { name: 'Collection' }).fill('Crimea');
    await page.getByRole('dialog', { name: 'Add to collection' }).getByRole('button', { name: 'Add' }).click();
    await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
    expect(await exportTitles('Collection')).toEqual([SEVASTOPOL]);
  });

  test('layout while reading: Hide library / Show library, a keyboard-resizable separator, headers that fit, versions marked', async ({ page }) => {
    // no article open: the library has the whole height and no toggle
    await expect(page.getByRole('button', { name: 'Hide library' })).toHaveCount(0);
    await expect(page.getByRole('separator', { name: 'Resize library' })).toHaveCount(0);
    // every count header shows its whole name
    for (const name of ['Claims', 'Denials', 'Unverified', 'Adjudication']) {
      const button = articleTable(page).getByRole('button', { name, exact: true });
      expect(await button.evaluate((b) => [...b.querySelectorAll('.sort-label')].every((l) => l.scrollWidth <= l.clientWidth))).toBe(true);
    }
    await page.screenshot({ path: test.info().outputPath('layout-library-1360.png') });

    // two versions of one article (same canonical URL, changed text)
    const page1 = (body: string) =>
      `<!doctype html><html><head><title>Drones hit Kyiv port</title><link rel="canonical" href="https://kyiv.example/port"><meta property="og:site_name" content="Kyiv Daily"></head><body><article><h1>Drones hit Kyiv port</h1><p>${body} Officials in Kyiv said on Tuesday that drones had struck the port overnight, damaging two warehouses and a crane.</p><p>Moscow denied any involvement and said the claims were unverified.</p></article></body></html>`;
    const versions = rowOf(page, 'Drones hit Kyiv port');
    for (const [i, [name, body]] of [['port.html', 'Early report.'], ['port-update.html', 'Updated: three warehouses burned.']].entries()) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import files…' }).click();
      await (await chooser).setFiles([{ name: name!, mimeType: 'text/html', buffer: Buffer.from(page1(body!)) }]);
      // the next import starts once this one is in the table (one running at a time)
      await expect(versions).toHaveCount(i + 1);
      const summary = page.getByRole('dialog', { name: 'Import summary' });
      if (await summary.isVisible().catch(() => false)) await summary.getByRole('button', { name: 'Close' }).click();
    }
    await expect(versions.nth(0)).toContainText('v1');
    await expect(versions.nth(1)).toContainText('v2');
    await expect(rowOf(page, KASPIYSK)).not.toContainText(/\bv\d/);

    await page.screenshot({ path: test.info().outputPath('layout-versions-1360.png') });
    await openArticle(page, KASPIYSK);
    const library = page.getByRole('navigation', { name: 'Library' });
    const reader = page.getByRole('document', { name: 'Article text' });
    const split = page.getByRole('separator', { name: 'Resize library' });
    await expect(split).toHaveAttribute('aria-valuenow', /\d+/);
    const before = Number(await split.getAttribute('aria-valuenow'));
    const heightBefore = (await library.boundingBox())!.height;
    await split.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(split).toHaveAttribute('aria-valuenow', String(before - 10));
    expect((await library.boundingBox())!.height).toBeLessThan(heightBefore - 40);
    await page.keyboard.press('Home');
    await expect(split).toHaveAttribute('aria-valuenow', '15');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(split).toHaveAttribute('aria-valuenow', '30');
    await page.screenshot({ path: test.info().outputPath('layout-reading-1360.png') });

    // hidden: the library is one line, the reader gets the rest
    const hide = page.getByRole('button', { name: 'Hide library' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await hide.click();
    const show = page.getByRole('button', { name: 'Show library' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(articleTable(page)).toBeHidden();
    await expect(split).toHaveCount(0);
    expect((await library.boundingBox())!.height).toBeLessThan(70);
    expect((await reader.boundingBox())!.height).toBeGreaterThan(400);
    await page.screenshot({ path: test.info().outputPath('layout-hidden-1360.png') });
    await show.press('Enter');
    await expect(articleTable(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hide library' })).toBeFocused();
    await expect(split).toHaveAttribute('aria-valuenow', '30');

    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: test.info().outputPath('layout-reading-1024.png') });
    await page.getByRole('button', { name: 'Hide library' }).click();
    await page.screenshot({ path: test.info().outputPath('layout-hidden-1024.png') });
    await page.getByRole('button', { name: 'Show library' }).click();
  });
});
