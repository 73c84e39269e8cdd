import { expect, test, type Page } from '@playwright/test';
import { annotationItems, firstRun, itemWithQuote, openArticle, paintedHighlights, pasteArticle } from './helpers.ts';

const TEXT = 'The port was hit at dawn.\n\nOfficials said the Port authority denied it. A report on the PORT followed.';

const findBox = (page: Page) => page.getByRole('searchbox', { name: 'Find in article' });
const findBar = (page: Page) => page.getByRole('search', { name: 'Find' });
const count = (page: Page) => page.getByTestId('find-count');

/** Texts painted by the find layers. */
async function findPaint(page: Page) {
  return page.evaluate(() => {
    const text = (r: AbstractRange) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    const texts = (name: string) => Array.from((CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>, text);
    return { all: texts('fm-find'), current: texts('fm-find-current') };
  });
}

test.beforeEach(async ({ page }) => {
  await firstRun(page);
  await pasteArticle(page, 'Port', TEXT);
});

test('Ctrl+F finds every match, Enter / Shift+Enter step through them, Escape closes and leaves the match selected', async ({ page }) => {
  await expect(findBox(page)).toHaveCount(0);
  await page.keyboard.press('Control+f');
  await expect(findBox(page)).toBeFocused();
  await page.keyboard.type('port');
  await expect(count(page)).toHaveText('1 of 4'); // port, Port, report, PORT
  expect((await findPaint(page)).all).toEqual(['port', 'Port', 'port', 'PORT']);
  expect((await findPaint(page)).current).toEqual(['port']);
  await page.screenshot({ path: test.info().outputPath('find.png') });

  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('2 of 4');
  expect((await findPaint(page)).current).toEqual(['Port']);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText('4 of 4'); // wraps round
  await findBar(page).getByRole('button', { name: 'Next' }).click();
  await expect(count(page)).toHaveText('1 of 4');

  await findBox(page).fill('authority denied');
  await expect(count(page)).toHaveText('1 of 1');
  await findBox(page).fill('zebra');
  await expect(count(page)).toHaveText('No matches');
  await findBox(page).fill('Port authority');

  // Escape closes the bar, clears its paint and leaves the match selected in the article: 2 tags it
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  expect(await findPaint(page)).toEqual({ all: [], current: [] });
  await expect(page.getByRole('document', { name: 'Article text' })).toBeFocused();
  await page.keyboard.press('2');
  await expect(itemWithQuote(page, 'Port authority')).toHaveCount(1);
});

test('Tag all matches as … tags every match as whole words, once, says how many, and is one undoable step', async ({ page }) => {
  await page.keyboard.press('Control+f');
  await page.keyboard.type('port');
  await expect(count(page)).toHaveText('1 of 4');
  await findBar(page).getByRole('button', { name: 'Tag all matches as Unverified' }).click();
  await expect(page.getByRole('status')).toHaveText('Tagged 4 matches as Unverified — Ctrl+Z undoes all');
  await expect(annotationItems(page)).toHaveCount(4);
  expect((await paintedHighlights(page))['fm-unverified']).toEqual(['PORT', 'Port', 'port', 'report']);

  // again: nothing new to tag
  await findBar(page).getByRole('button', { name: 'Tag all matches as Unverified' }).click();
  await expect(page.getByRole('status')).toHaveText('Every match is already tagged as unverified.');
  await expect(annotationItems(page)).toHaveCount(4);

  // the buttons and the box are reachable by keyboard; Close find closes
  await findBar(page).getByRole('button', { name: 'Tag all matches as Claim' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Tagged 4 matches as Claim — Ctrl+Z undoes all');
  await expect(annotationItems(page)).toHaveCount(8);
  await page.screenshot({ path: test.info().outputPath('find-tag-all.png') });
  await findBar(page).getByRole('button', { name: 'Close find' }).click();
  await expect(findBar(page)).toHaveCount(0);

  // one Ctrl+Z takes the whole Tag all back, one Ctrl+Shift+Z brings all of it again
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toHaveText('Undone: 4 claim tags removed.');
  await expect(annotationItems(page)).toHaveCount(4);
  expect((await paintedHighlights(page))['fm-claim'] ?? []).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status')).toHaveText('Redone: 4 claim tags are back.');
  await expect(annotationItems(page)).toHaveCount(8);
  expect((await paintedHighlights(page))['fm-claim']).toEqual(['PORT', 'Port', 'port', 'report']);
  // the step before it is the first Tag all, also one step
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toHaveText('Undone: 4 unverified tags removed.');
  await expect(annotationItems(page)).toHaveCount(0);

  // what is shown is what is stored: after a reload the redone batch is there, the undone one is not
  await page.keyboard.press('Control+Shift+z');
  await expect(annotationItems(page)).toHaveCount(4);
  await page.reload();
  await openArticle(page, 'Port');
  await expect(annotationItems(page)).toHaveCount(4);
  expect((await paintedHighlights(page))['fm-unverified']).toEqual(['PORT', 'Port', 'port', 'report']);
});
