import { expect, test, type Page } from '@playwright/test';
import { annotationItems, chooseFiles, articleRows, dragSelect, firstRun, itemWithQuote, paintedHighlights, tagButton } from './helpers.ts';

/** Version 1 and an edited version 2 of one article: one sentence moved, one deleted, one new. */
const V1 = 'Strike on the power station\n\nMoscow denied responsibility for the strike. Kyiv said eleven people were hurt. Observers could not confirm it.\n';
const V2 =
  'Strike on the power station\n\nAir raid sirens sounded overnight. Moscow denied responsibility for the strike. Observers could not confirm it. Kyiv later said the wounded were all soldiers.\n';

async function importFile(page: Page, name: string, text: string) {
  await chooseFiles(page, 'Import files…', [{ name, buffer: Buffer.from(text, 'utf8'), mimeType: 'text/plain' }]);
}

const orphansRegion = (page: Page) => page.getByRole('region', { name: 'Orphans' });
const orphanItem = (page: Page, quote: string) => orphansRegion(page).getByRole('listitem').filter({ hasText: quote });
const status = (page: Page) => page.getByRole('status');

async function tag(page: Page, quote: string, label: 'Claim' | 'Denial' | 'Unverified') {
  await dragSelect(page, quote);
  await tagButton(page, label).click();
  await expect(itemWithQuote(page, quote)).toHaveCount(1);
}

test.beforeEach(async ({ page }) => {
  await firstRun(page);
  await importFile(page, 'strike.txt', V1);
  await expect(articleRows(page)).toHaveCount(1);
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('Kyiv said eleven people were hurt');
  await tag(page, 'Moscow denied responsibility', 'Denial');
  await tag(page, 'eleven people were hurt', 'Claim');
  await tag(page, 'could not confirm it', 'Unverified');
  await expect(orphansRegion(page)).toHaveCount(0);

  // the edited article arrives again under the same file name and title: a new version
  await importFile(page, 'strike.txt', V2);
  await expect(articleRows(page)).toHaveCount(2);
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('Air raid sirens');
});

test('a new version carries the annotations whose text is still there; the deleted quote waits in Orphans', async ({ page }) => {
  await expect(annotationItems(page)).toHaveCount(2);
  await expect(itemWithQuote(page, 'Moscow denied responsibility')).toHaveCount(1);
  await expect(itemWithQuote(page, 'could not confirm it')).toHaveCount(1);
  const painted = await paintedHighlights(page);
  expect(painted['fm-denial']).toEqual(['Moscow denied responsibility']);
  expect(painted['fm-unverified']).toEqual(['could not confirm it']);
  expect(painted['fm-claim']).toEqual([]); // the orphan is never painted

  const orphan = orphanItem(page, 'eleven people were hurt');
  await expect(orphansRegion(page).getByRole('listitem')).toHaveCount(1);
  await expect(orphan).toHaveAccessibleName('Claim: eleven people were hurt');
  await expect(orphan).toContainText('not in this version');
  await page.screenshot({ path: test.info().outputPath('orphans.png') });
});

test('re-attach an orphan to selected words, undo and redo it', async ({ page }) => {
  const orphan = orphanItem(page, 'eleven people were hurt');
  // without a selection the analyst is told what to do, and nothing changes
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await orphan.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(status(page)).toContainText('Select the words the claim “eleven people were hurt” belongs to');
  await expect(orphan).toHaveCount(1);

  await dragSelect(page, 'the wounded were all soldiers');
  await orphan.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(status(page)).toContainText('Re-attached the claim “eleven people were hurt” to “the wounded were all soldiers”.');
  await expect(orphansRegion(page)).toHaveCount(0);
  await expect(itemWithQuote(page, 'the wounded were all soldiers')).toHaveCount(1);
  await expect(itemWithQuote(page, 'the wounded were all soldiers').getByRole('combobox', { name: 'Label' })).toHaveValue('claim');
  expect((await paintedHighlights(page))['fm-claim']).toEqual(['the wounded were all soldiers']);
  // the library counts it now (the orphan did not count)
  await expect(articleRows(page).nth(1)).toContainText('1 claim');

  await page.keyboard.press('Control+z');
  await expect(orphanItem(page, 'eleven people were hurt')).toHaveCount(1);
  await expect(itemWithQuote(page, 'the wounded were all soldiers')).toHaveCount(0);
  expect((await paintedHighlights(page))['fm-claim']).toEqual([]);

  await page.keyboard.press('Control+Shift+z');
  await expect(orphansRegion(page)).toHaveCount(0);
  await expect(itemWithQuote(page, 'the wounded were all soldiers')).toHaveCount(1);

  // it stays re-attached after a reload
  await page.reload();
  await page.getByRole('table', { name: 'Articles' }).getByRole('button', { name: 'Strike on the power station' }).nth(1).click();
  await expect(itemWithQuote(page, 'the wounded were all soldiers')).toHaveCount(1);
  await expect(orphansRegion(page)).toHaveCount(0);
});

test('discard an orphan with the keyboard; Ctrl+Z brings it back', async ({ page }) => {
  const discard = orphanItem(page, 'eleven people were hurt').getByRole('button', { name: 'Discard' });
  await discard.focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Discarded the orphaned claim “eleven people were hurt”. Ctrl+Z brings it back.');
  await expect(orphansRegion(page)).toHaveCount(0);
  await expect(annotationItems(page)).toHaveCount(2);

  await page.keyboard.press('Control+z');
  await expect(orphanItem(page, 'eleven people were hurt')).toHaveCount(1);
  await expect(annotationItems(page)).toHaveCount(2);
});
