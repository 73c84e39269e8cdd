import { expect, test, type Page } from '@playwright/test';
import { addSamples, annotationItems, annotationsRegion, clickText, firstRun, itemWithQuote, openArticle, paintedHighlights, pasteArticle, withSlowCpu } from './helpers.ts';

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

  test('the caret blinks for about ten seconds after each move, then stays solid', async ({ page }) => {
    await pasteArticle(page, 'Blink', 'Officials in Kyiv denied the report of a strike on the port.');
    await tabIntoArticle(page);
    await expect(caret(page)).toBeVisible();
    // the blink's timing as the browser runs it: where it is now, and when it ends (Infinity while it never does)
    const blink = () =>
      caret(page).evaluate((el) => {
        const [a] = el.getAnimations();
        const t = a?.effect?.getComputedTiming();
        return t ? { at: Number(a!.currentTime), end: Number(t.endTime) } : null;
      });
    const first = await blink();
    expect(first).not.toBeNull();
    expect(first!.end).toBeGreaterThan(9_000);
    expect(first!.end).toBeLessThan(13_000);
    await page.waitForTimeout(600);
    expect((await blink())!.at).toBeGreaterThan(500);
    // a move restarts it
    await page.keyboard.press('ArrowRight');
    const moved = await blink();
    expect(moved!.at).toBeLessThan(500);
    expect(moved!.end).toBe(first!.end);
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

  test('tagging word after word faster than the app saves keeps every tag', async ({ page }) => {
    await pasteArticle(page, 'Quick', 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.');
    await tabIntoArticle(page);
    // each next selection is made while the previous tag may still be saving; it must not be collapsed under the user
    await withSlowCpu(page, 8, async () => {
      for (const key of ['1', '2', '3', '1', '2', '3']) {
        await page.keyboard.press('Control+ArrowRight');
        await page.keyboard.press('Shift+Control+ArrowRight');
        await page.keyboard.press(key);
      }
    });
    await expect(annotationItems(page)).toHaveCount(6);
    await expect(annotationItems(page)).toContainText(['beta', 'delta', 'zeta', 'theta', 'kappa', 'mu']);
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

test.describe('the ? dialog', () => {
  test.beforeEach(async ({ page }) => firstRun(page));

  /**
   * Walks the dialog's own list: every row must have a check here (a new entry without one fails), and each check
   * presses the keys listed and looks for the effect the row promises.
   */
  test('every entry of the Keyboard shortcuts dialog does what it says', async ({ page }) => {
    test.setTimeout(90_000);
    const TEXT = 'Alpha beta gamma.\nDelta epsilon zeta eta.\n\nTheta iota kappa lambda.';
    await pasteArticle(page, 'Every key', TEXT);
    const status = page.getByRole('status');
    const current = () => annotationItems(page).and(page.locator('[aria-current="true"]'));
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    /** Focus in the article, caret at its start, no annotation selected. */
    const fromStart = async () => {
      await page.keyboard.press('Escape');
      await tabIntoArticle(page);
      await page.keyboard.press('Control+Home');
    };
    /** Selects the n-th word (0-based) of the article from the keyboard. */
    const selectWord = async (n: number) => {
      await fromStart();
      for (let i = 0; i < n; i++) await page.keyboard.press('Control+ArrowRight');
      await page.keyboard.press('Shift+Control+ArrowRight');
    };
    /** Selects the first annotation with J. */
    const selectFirst = async () => {
      await fromStart();
      await page.keyboard.press('j');
      await expect(current()).toHaveCount(1);
    };

    await tabIntoArticle(page);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('shortcuts-dialog.png') });
    const rows = await dialog.getByRole('row').filter({ has: page.getByRole('cell') }).evaluateAll((trs) =>
      trs.map((tr) => ({ keys: Array.from(tr.querySelectorAll('th kbd'), (k) => k.textContent ?? ''), action: tr.querySelector('td')?.textContent ?? '' })),
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const checks: [RegExp, (keys: string[]) => Promise<void>][] = [
      [/^Focus the article text; a caret appears$/, async () => {
        await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
        await expect(caret(page)).toBeHidden();
        await page.keyboard.press('Tab');
        await expect(article(page)).toBeFocused();
        await expect(caret(page)).toBeVisible();
      }],
      [/^Move the caret by character$/, async () => {
        await fromStart();
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Shift+ArrowRight');
        expect(await selectedText(page)).toBe('p');
      }],
      [/^Move by word$/, async () => {
        await fromStart();
        await page.keyboard.press('Control+ArrowRight');
        await page.keyboard.press('Control+ArrowRight');
        await page.keyboard.press('Control+ArrowLeft');
        await page.keyboard.press('Shift+Control+ArrowRight');
        expect((await selectedText(page)).trim()).toBe('beta');
      }],
      [/^Move by line$/, async () => {
        await fromStart();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Shift+End');
        expect(await selectedText(page)).toBe('Delta epsilon zeta eta.');
      }],
      [/^Move by paragraph$/, async () => {
        await fromStart();
        await page.keyboard.press('Control+ArrowDown');
        await page.keyboard.press('Control+ArrowDown');
        await page.keyboard.press('Shift+End');
        expect(await selectedText(page)).toBe('Theta iota kappa lambda.');
        await page.keyboard.press('Home');
        await page.keyboard.press('Control+ArrowUp');
        await page.keyboard.press('Shift+End');
        expect(await selectedText(page)).toBe('Delta epsilon zeta eta.');
      }],
      [/^Start or end of the line$/, async () => {
        await fromStart();
        await page.keyboard.press('ArrowDown');
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Home');
        await page.keyboard.press('Shift+End');
        expect(await selectedText(page)).toBe('Delta epsilon zeta eta.');
        await page.keyboard.press('End');
        await page.keyboard.press('Shift+Home');
        expect(await selectedText(page)).toBe('Delta epsilon zeta eta.');
      }],
      [/^Start or end of the article$/, async () => {
        await fromStart();
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Shift+Control+Home');
        expect((await selectedText(page)).replace(/\s+/g, ' ')).toBe(TEXT.replace(/\s+/g, ' '));
      }],
      [/^Hold with any move above to select text from the caret$/, async () => {
        await fromStart();
        for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
        expect(await selectedText(page)).toBe('Alpha');
      }],
      [/^Tag the selected text as (.+)$/, async (keys) => {
        // word 0 for the first label, word 1 for the second, …
        const n = await annotationItems(page).count();
        await selectWord(n);
        const word = (await selectedText(page)).trim();
        await page.keyboard.press(keys[0]!);
        await expect(annotationItems(page)).toHaveCount(n + 1);
        await expect(status).toContainText(`Tagged “${word}” as`);
      }],
      [/^With no text selected: relabel the selected annotation$/, async (keys) => {
        // the first annotation is the first label's (the tag check above); the second key makes it the second label
        await selectFirst();
        const select = current().getByRole('combobox', { name: 'Label' });
        const first = await select.inputValue();
        await page.keyboard.press(keys[1]!);
        await expect(status).toHaveText(/^“Alpha” is now .+\.$/);
        await expect(select).not.toHaveValue(first);
        const second = await select.inputValue();
        const n = await annotationItems(page).count();
        await page.keyboard.press(keys[1]!);
        await expect(status).toHaveText(/^“Alpha” is already .+\.$/);
        await page.keyboard.press('Control+z');
        await expect(select).toHaveValue(first);
        expect(second).not.toBe(first);
        await expect(annotationItems(page)).toHaveCount(n);
      }],
      [/^Select the next or previous annotation$/, async () => {
        await fromStart();
        await page.keyboard.press('j');
        await expect(current()).toContainText('Alpha');
        await page.keyboard.press('j');
        await expect(current()).toContainText('beta');
        await page.keyboard.press('k');
        await expect(current()).toContainText('Alpha');
      }],
      [/^Extend the selected annotation by a word at its start or end$/, async () => {
        await selectFirst();
        await page.keyboard.press(']');
        await expect(status).toHaveText(/now “Alpha beta”\. Ctrl\+Z undoes it\./);
        await page.keyboard.press('[');
        await expect(status).toHaveText('No word before this annotation to take in.');
      }],
      [/^Shrink the selected annotation by a word at its start or end$/, async () => {
        await selectFirst();
        await page.keyboard.press('Shift+]');
        await expect(status).toHaveText(/now “Alpha”\. Ctrl\+Z undoes it\./);
        await page.keyboard.press('Shift+[');
        await expect(status).toHaveText('“Alpha” is one word: it cannot shrink further.');
      }],
      [/^Review mode: the next or previous disagreement$/, async () => {
        // one annotator only: no disagreements, and N / P say so (review.spec.ts steps through real ones)
        await page.getByRole('button', { name: 'Review', exact: true }).click();
        await expect(page.getByRole('region', { name: 'Disagreements' })).toBeVisible();
        await fromStart();
        await page.keyboard.press('n');
        await expect(status).toHaveText('No disagreements among the visible layers.');
        await page.getByRole('button', { name: 'Review', exact: true }).click();
        await expect(page.getByRole('region', { name: 'Disagreements' })).toHaveCount(0);
      }],
      [/^Open the selected annotation’s details/, async () => {
        await selectFirst();
        await page.keyboard.press('Enter');
        const details = page.getByRole('dialog', { name: 'Annotation details' });
        await expect(details).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(details).toBeHidden();
      }],
      [/^Delete the selected annotation$/, async () => {
        const n = await annotationItems(page).count();
        for (const key of ['Delete', 'Backspace']) {
          await selectFirst();
          await page.keyboard.press(key);
          await expect(annotationItems(page)).toHaveCount(n - 1);
          await expect(status).toContainText('Ctrl+Z brings it back.');
          await page.keyboard.press('Control+z');
          await expect(annotationItems(page)).toHaveCount(n);
        }
      }],
      [/^Find in article; Enter or Shift\+Enter for the next or previous match, Escape closes$/, async () => {
        await fromStart();
        await page.keyboard.press('Control+f');
        const box = page.getByRole('searchbox', { name: 'Find in article' });
        await expect(box).toBeFocused();
        await page.keyboard.type('eta');
        await expect(page.getByTestId('find-count')).toHaveText('1 of 4'); // beta, zeta, eta, Theta
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('find-count')).toHaveText('2 of 4');
        await page.keyboard.press('Shift+Enter');
        await expect(page.getByTestId('find-count')).toHaveText('1 of 4');
        await page.keyboard.press('Escape');
        await expect(box).toHaveCount(0);
        await expect(article(page)).toBeFocused();
      }],
      [/^Undo$/, async () => {
        const n = await annotationItems(page).count();
        await selectWord(5);
        await page.keyboard.press('1');
        await expect(annotationItems(page)).toHaveCount(n + 1);
        await page.keyboard.press('Control+z');
        await expect(annotationItems(page)).toHaveCount(n);
        await expect(status).toHaveText(/^Undone: /);
      }],
      [/^Redo$/, async () => {
        const n = await annotationItems(page).count();
        await page.keyboard.press('Control+Shift+z');
        await expect(annotationItems(page)).toHaveCount(n + 1);
        await expect(status).toHaveText(/^Redone: /);
        await page.keyboard.press('Control+z');
        await expect(annotationItems(page)).toHaveCount(n);
        await page.keyboard.press('Control+y');
        await expect(annotationItems(page)).toHaveCount(n + 1);
      }],
      [/^Deselect the annotation; close this dialog$/, async () => {
        await selectFirst();
        await page.keyboard.press('Escape');
        await expect(current()).toHaveCount(0);
        await page.keyboard.press('?');
        await expect(dialog).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }],
      [/^Show these shortcuts$/, async () => {
        await fromStart();
        await page.keyboard.press('?');
        await expect(dialog).toBeVisible();
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expect(dialog).toBeHidden();
      }],
    ];

    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      const check = checks.find(([pattern]) => pattern.test(row.action));
      expect(check, `no check for the dialog's entry “${row.action}”`).toBeTruthy();
      await test.step(`${row.keys.join(' ')}: ${row.action}`, () => check![1](row.keys));
    }
  });
});
