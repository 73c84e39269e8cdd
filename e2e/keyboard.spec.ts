import { expect, test, type Page } from '@playwright/test';
import { addSamples, annotationItems, annotationsRegion, clickText, firstRun, itemWithQuote, openArticle, paintedHighlights, pasteArticle } from './helpers.ts';

const article = (page: Page) => page.getByRole('document', { name: 'Article text' });
const caret = (page: Page) => page.getByTestId('keyboard-caret');
const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** Focuses the article text with the keyboard: Tab from the control just before it. */
async function tabIntoArticle(page: Page) {
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('Tab');
  await expect(article(page)).toBeFocused();
}

test.describe('keyboard caret', () => {
  test.beforeEach(async ({ page }) => firstRun(page));

  test('Tab shows a caret; words selected with Shift+Ctrl+Arrow are tagged with 2 as a denial', async ({ page }) => {
    await pasteArticle(page, 'Denial', 'Officials in Kyiv denied the report of a strike on the port.\n\nA second paragraph follows here.');
    await expect(caret(page)).toBeHidden();
    await tabIntoArticle(page);
    await expect(caret(page)).toBeVisible();
    expect(await selectedText(page)).toBe('');

    const start = await caret(page).boundingBox();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowRight');
    const moved = await caret(page).boundingBox();
    expect(moved!.x).toBeGreaterThan(start!.x);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
    expect((await selectedText(page)).trim()).toBe('denied the report');
    await page.screenshot({ path: 'test-results/screens/keyboard.png' });

    await page.keyboard.press('2');
    await expect(itemWithQuote(page, 'denied the report')).toHaveCount(1);
    await expect(itemWithQuote(page, 'denied the report').getByRole('combobox', { name: 'Label' })).toHaveValue('denial');
    await expect(page.getByRole('status')).toContainText('Tagged “denied the report” as denial.');
    // the caret stays in the article, at the end of what was tagged
    await expect(article(page)).toBeFocused();
    await expect(caret(page)).toBeVisible();
  });

  test('Shift+ArrowRight selects an emoji whole; Home/End and Ctrl+Home/End stay inside the article', async ({ page }) => {
    await pasteArticle(page, 'Family', 'Family 👩‍👩‍👧 arrived today.');
    await tabIntoArticle(page);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await selectedText(page)).toBe('👩‍👩‍👧');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await selectedText(page)).toBe('👩‍👩‍👧 ');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('1');
    await expect(itemWithQuote(page, '👩‍👩‍👧')).toHaveCount(1);

    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Control+Home');
    expect(await selectedText(page)).toBe('Family 👩‍👩‍👧 arrived today.');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight'); // at the very end: the caret does not leave the article
    await page.keyboard.press('Shift+Home');
    expect(await selectedText(page)).toBe('Family 👩‍👩‍👧 arrived today.');
  });

  test('ArrowDown moves by line, Ctrl+ArrowDown / Ctrl+ArrowUp by paragraph', async ({ page }) => {
    await pasteArticle(page, 'Paragraphs', 'First paragraph.\nSecond paragraph.\nThird one.');
    await tabIntoArticle(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Second paragraph.');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Third one.');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Control+ArrowUp');
    expect((await selectedText(page)).trim()).toBe('Second paragraph.');
  });

  test('Ctrl+ArrowDown / Ctrl+ArrowUp jump over blank lines between paragraphs; Shift selects a whole paragraph; the last jump ends the article', async ({ page }) => {
    await pasteArticle(page, 'Blank lines', 'Kyiv said the port was hit.\n\nMoscow denied it.\n\nObservers could not confirm either account.');
    await tabIntoArticle(page);
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Moscow denied it.');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Control+ArrowDown');
    expect((await selectedText(page)).trim()).toBe('Moscow denied it.');
    await page.keyboard.press('2');
    await expect(itemWithQuote(page, 'Moscow denied it.')).toHaveCount(1);
    // from the last paragraph, Ctrl+ArrowDown goes to the end of the article, never back up
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('Shift+Home');
    expect(await selectedText(page)).toBe('Observers could not confirm either account.');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Observers could not confirm either account.');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Moscow denied it.');
  });

  test('the caret is kept in view as it moves through a long article', async ({ page }) => {
    await addSamples(page);
    await openArticle(page, /Kaspiysk/);
    await tabIntoArticle(page);
    const scroller = page.locator('.reader-scroll');
    await page.keyboard.press('Control+End');
    await expect(caret(page)).toBeInViewport();
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.keyboard.press('Control+Home');
    await expect(caret(page)).toBeInViewport();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
    await expect(caret(page)).toBeInViewport();
    await page.screenshot({ path: 'test-results/screens/keyboard-caret.png' });
  });

  test('clicking in the text places the caret there; arrows then move from it', async ({ page }) => {
    await pasteArticle(page, 'Click', 'Officials denied the report.');
    await clickText(page, 'denied', 0);
    await expect(article(page)).toBeFocused();
    await expect(caret(page)).toBeVisible();
    await page.keyboard.press('Shift+Control+ArrowRight');
    expect(await selectedText(page)).toBe('denied');
  });
});

test.describe('annotation navigation and help', () => {
  test.beforeEach(async ({ page }) => firstRun(page));

  test('J / K select the next and previous annotation and announce it', async ({ page }) => {
    await pasteArticle(page, 'Greek', 'Alpha beta gamma delta epsilon zeta.');
    await tabIntoArticle(page);
    // tag "Alpha", "gamma", "epsilon" from the keyboard
    for (const [skip, key] of [[0, '1'], [1, '2'], [1, '3']] as const) {
      for (let i = 0; i < skip; i++) await page.keyboard.press('Control+ArrowRight');
      await page.keyboard.press('Shift+Control+ArrowRight');
      await page.keyboard.press(key);
    }
    await expect(annotationItems(page)).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect(annotationsRegion(page).locator('[aria-current="true"]')).toHaveCount(0);

    const current = () => annotationItems(page).and(page.locator('[aria-current="true"]'));
    await page.keyboard.press('j');
    await expect(current()).toContainText('Alpha');
    await expect(page.getByRole('status')).toHaveText('Claim 1 of 3: “Alpha”');
    await page.keyboard.press('j');
    await expect(current()).toContainText('gamma');
    await expect(page.getByRole('status')).toHaveText('Denial 2 of 3: “gamma”');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(current()).toContainText('epsilon');
    await expect(page.getByRole('status')).toHaveText('Last annotation.');
    await page.keyboard.press('k');
    await expect(current()).toContainText('gamma');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect(current()).toContainText('Alpha');
    await expect(page.getByRole('status')).toHaveText('First annotation.');
    // Delete acts on the annotation J/K selected
    await page.keyboard.press('Delete');
    await expect(annotationItems(page)).toHaveCount(2);
  });

  test('[ and ] extend the selected annotation by words, Shift+[ and Shift+] shrink it; announced and undoable', async ({ page }) => {
    await pasteArticle(page, 'Edges', 'Officials said Moscow denied responsibility for the strike.');
    await tabIntoArticle(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('2');
    await expect(itemWithQuote(page, 'denied')).toHaveCount(1);
    const status = page.getByRole('status');

    await page.keyboard.press('[');
    await expect(status).toHaveText('Denial now “Moscow denied”. Ctrl+Z undoes it.');
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(status).toHaveText('Denial now “Moscow denied responsibility for”. Ctrl+Z undoes it.');
    await expect(itemWithQuote(page, 'Moscow denied responsibility for')).toHaveCount(1);
    expect((await paintedHighlights(page))['fm-denial']).toEqual(['Moscow denied responsibility for']);

    await page.keyboard.press('Shift+]');
    await expect(status).toHaveText('Denial now “Moscow denied responsibility”. Ctrl+Z undoes it.');
    await page.keyboard.press('Shift+[');
    await expect(status).toHaveText('Denial now “denied responsibility”. Ctrl+Z undoes it.');
    await page.keyboard.press('Shift+[');
    await expect(status).toHaveText('Denial now “responsibility”. Ctrl+Z undoes it.');
    await page.keyboard.press('Shift+]');
    await expect(status).toHaveText('“responsibility” is one word: it cannot shrink further.');
    await expect(annotationItems(page)).toHaveCount(1);

    await page.keyboard.press('Control+z');
    await expect(itemWithQuote(page, 'denied responsibility')).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(itemWithQuote(page, 'Moscow denied responsibility')).toHaveCount(1);
    expect((await paintedHighlights(page))['fm-denial']).toEqual(['Moscow denied responsibility']);

    // the edges stop at the ends of the text
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await expect(itemWithQuote(page, 'Officials said Moscow denied responsibility')).toHaveCount(1);
    await page.keyboard.press('[');
    await expect(status).toHaveText('No word before this annotation to take in.');
    // with no annotation selected, the brackets do nothing
    await page.keyboard.press('Escape');
    await page.keyboard.press(']');
    await expect(itemWithQuote(page, 'Officials said Moscow denied responsibility')).toHaveCount(1);
  });

  test('? opens the Keyboard shortcuts dialog, Escape closes it; the header button opens it too', async ({ page }) => {
    await pasteArticle(page, 'Help', 'Some text.');
    await tabIntoArticle(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const action of ['Tag the selected text as claim', 'Tag the selected text as denial', 'Tag the selected text as unverified',
      'Move by word', 'Move by line', 'Move by paragraph', 'Extend the selected annotation by a word', 'Shrink the selected annotation by a word', 'select text from the caret', 'next or previous annotation', 'Delete the selected',
      'Undo', 'Redo', 'Show these shortcuts']) {
      await expect(dialog).toContainText(action);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});
