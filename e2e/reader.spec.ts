import { expect, test, type Page } from '@playwright/test';
import {
  addSamples, annotationItems, articleRows, articleTable, clickText, dragSelect, expectItemLabel, firstRun, itemWithQuote, openArticle,
  paintedHighlights, pasteArticle, tagButton,
} from './helpers.ts';

const KASPIYSK = 'Drone attack on the Kaspiysk port, Caspian Sea';

const DISK_FULL = 'The disk or the storage quota is full, so nothing was saved. Free some space and try again.';

/** From now on the annotation writes named (IDBObjectStore methods) fail as a full disk makes them; [] lifts it. */
function diskFull(page: Page, methods: ('add' | 'put' | 'delete')[]) {
  return page.evaluate((methods) => {
    // the quota error IndexedDB raises when the disk or the origin's quota is full, for writes of annotations
    type Write = (this: IDBObjectStore, ...a: unknown[]) => IDBRequest;
    const w = window as unknown as { __writes?: Record<string, Write> };
    const writes = (w.__writes ??= {
      add: IDBObjectStore.prototype.add as unknown as Write,
      put: IDBObjectStore.prototype.put as unknown as Write,
      delete: IDBObjectStore.prototype.delete as unknown as Write,
    });
    for (const [name, write] of Object.entries(writes)) {
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[name] = function (this: IDBObjectStore, ...args: unknown[]) {
        if ((methods as string[]).includes(name) && this.name === 'annotations') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return write.apply(this, args);
      };
    }
  }, methods);
}

test.describe('first run', () => {
  test('asks for a name, requires one, and records it as the annotator', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter your name' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Your name' }).fill('  Ana Analyst ');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Your library is empty.')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Annotator: Ana Analyst');

    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText('Ana Analyst');
  });

  test('a name that cannot be saved (a full disk) is said so, and the first-run screen stays', async ({ page }) => {
    await page.goto('./');
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'settings') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ana Analyst');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').filter({ hasText: DISK_FULL })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ana Analyst');
    await expect(page.getByText('Your library is empty.')).toHaveCount(0);
  });

  test('a library whose storage cannot be opened says so instead of passing for a new one, and opens once it can', async ({ page }) => {
    await firstRun(page);
    await addSamples(page);
    // storage that cannot be opened (a broken profile), while a flag is set for this tab
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('fm-broken-storage')) return;
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
      };
    });
    await page.evaluate(() => sessionStorage.setItem('fm-broken-storage', '1'));
    await page.reload();
    const alert = page.getByRole('alert', { name: 'Factmark cannot open your library' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing was changed or deleted.');
    await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/library-unavailable.png' });

    await page.evaluate(() => sessionStorage.removeItem('fm-broken-storage'));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(articleRows(page)).toHaveCount(5);
    await expect(page.getByRole('banner')).toContainText('Ana Analyst');
  });

  test('the name can be changed in Settings and new annotations use it', async ({ page }) => {
    await firstRun(page, 'Ana');
    await pasteArticle(page, 'Short', 'Officials denied the report.');
    await dragSelect(page, 'denied');
    await page.keyboard.press('2');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByTestId('storage-status')).toContainText(/Persistent|Best effort/);
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Bea');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('banner')).toContainText('Annotator: Bea');
    await dragSelect(page, 'report');
    await page.keyboard.press('1');
    await expect(annotationItems(page).nth(0)).toContainText('Ana');
    await expect(annotationItems(page).nth(1)).toContainText('Bea');
  });
});

test.describe('library', () => {
  test.beforeEach(async ({ page }) => firstRun(page));

  test('paste adds an article that opens with its paragraphs', async ({ page }) => {
    await pasteArticle(page, 'Port strike', 'First paragraph here.\r\nSecond paragraph, with a claim.\n\nFourth after a blank line.');
    const article = page.getByRole('document', { name: 'Article text' });
    await expect(article.locator('p')).toHaveText(['First paragraph here.', 'Second paragraph, with a claim.', '', 'Fourth after a blank line.']);
    const item = articleRows(page);
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Port strike');
    await expect(item).toContainText('Pasted text');
    await expect(item).toContainText('0 claims');
  });

  test('pasting nothing is refused with a message; pasting the same text twice adds it once', async ({ page }) => {
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste text' });
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Paste the article text first.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await pasteArticle(page, 'Once', 'The same words.');
    await page.getByRole('button', { name: 'Paste text…' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Twice');
    await dialog.getByRole('textbox', { name: 'Text' }).fill('The same words.');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('status')).toContainText('“Twice” is already in the library as “Once”');
    await expect(articleRows(page)).toHaveCount(1);
  });

  test('sample articles ship with the app: five articles with title, source and counts', async ({ page }) => {
    await addSamples(page);
    const list = articleTable(page);
    await expect(list).toContainText(KASPIYSK);
    await expect(list).toContainText('The Epoch Times');
    await expect(list).toContainText('CNN');
    await openArticle(page, /Kaspiysk/);
    await expect(page.getByRole('document', { name: 'Article text' })).toContainText('said Andriy Kovalenko');
    await page.screenshot({ path: 'test-results/screens/library-samples.png' });
  });
});

test.describe('tagging', () => {
  test.beforeEach(async ({ page }) => {
    await firstRun(page);
    await addSamples(page);
    await openArticle(page, /Kaspiysk/);
  });

  test('by button and by key; selections snap to whole words; highlights show at once', async ({ page }) => {
    // drag from inside "port" to inside "Russia": the span snaps outward to the whole words
    await dragSelect(page, 'A port was attacked in Kaspiysk, Russia', { from: 3, to: 37 });
    await tagButton(page, 'Claim').click();
    await expect(annotationItems(page)).toHaveCount(1);
    await expect(annotationItems(page).first()).toContainText('port was attacked in Kaspiysk, Russia');
    await expect(annotationItems(page).first()).toContainText('Ana Analyst');

    await dragSelect(page, 'Newsweek could not independently verify the footage. ');
    await page.keyboard.press('3');
    await dragSelect(page, 'did not report any Ukrainian drones');
    await page.keyboard.press('2');

    await expect(annotationItems(page)).toHaveCount(3);
    // reading order, whitespace trimmed
    await expect(annotationItems(page).getByRole('button', { name: /^(Claim|Denial|Unverified):/ })).toHaveText([
      /Claim.*port was attacked in Kaspiysk, Russia/,
      /Denial.*did not report any Ukrainian drones/,
      /Unverified.*Newsweek could not independently verify the footage\./,
    ]);
    expect(await paintedHighlights(page)).toMatchObject({
      'fm-claim': ['port was attacked in Kaspiysk, Russia'],
      'fm-denial': ['did not report any Ukrainian drones'],
      'fm-unverified': ['Newsweek could not independently verify the footage.'],
    });
    const counts = articleRows(page).filter({ hasText: 'Kaspiysk' });
    await expect(counts).toContainText('1 claim');
    await expect(counts).toContainText('1 denial');
    await expect(counts).toContainText('1 unverified');
    await page.screenshot({ path: 'test-results/screens/tagged.png' });
  });

  test('overlapping annotations are all kept and all visible', async ({ page }) => {
    await dragSelect(page, 'A port was attacked in Kaspiysk, Russia');
    await page.keyboard.press('1');
    await dragSelect(page, 'attacked in Kaspiysk');
    await page.keyboard.press('3');
    await expect(annotationItems(page)).toHaveCount(2);
    const painted = await paintedHighlights(page);
    expect(painted['fm-claim']).toEqual(['A port was attacked in Kaspiysk, Russia']);
    expect(painted['fm-unverified']).toEqual(['attacked in Kaspiysk']);
    expect(painted['fm-overlap']).toEqual(['attacked in Kaspiysk']);
    // a click on the stack selects the innermost annotation, a second click the next one
    const inner = itemWithQuote(page, 'attacked in Kaspiysk');
    const outer = itemWithQuote(page, 'A port was attacked in Kaspiysk, Russia');
    await page.keyboard.press('Escape');
    await expect(annotationItems(page).and(page.locator('[aria-current="true"]'))).toHaveCount(0);
    await clickText(page, 'attacked in Kaspiysk');
    await expect(inner).toHaveAttribute('aria-current', 'true');
    await expect(outer).not.toHaveAttribute('aria-current', 'true');
    await clickText(page, 'attacked in Kaspiysk');
    await expect(outer).toHaveAttribute('aria-current', 'true');
    await expect(inner).not.toHaveAttribute('aria-current', 'true');
  });

  test('relabel from the panel, delete by button and by the Delete key', async ({ page }) => {
    await dragSelect(page, 'destroyed an unmanned aerial vehicle over Kaspiysk');
    await page.keyboard.press('1');
    await dragSelect(page, 'Newsweek could not independently verify the footage');
    await page.keyboard.press('1');
    const first = annotationItems(page).first();
    await expectItemLabel(first, 'Claim');
    await first.getByRole('combobox', { name: 'Label' }).selectOption('Denial');
    await expectItemLabel(first, 'Denial');
    expect((await paintedHighlights(page))['fm-denial']).toEqual(['destroyed an unmanned aerial vehicle over Kaspiysk']);
    await expect(articleRows(page).filter({ hasText: 'Kaspiysk' })).toContainText('1 denial');

    await first.getByRole('button', { name: 'Delete' }).click();
    await expect(annotationItems(page)).toHaveCount(1);

    // clicking a highlight selects its item; Delete removes it
    await clickText(page, 'independently verify');
    await expect(annotationItems(page).first()).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Delete');
    await expect(annotationItems(page)).toHaveCount(0);
    expect(await paintedHighlights(page)).toMatchObject({ 'fm-claim': [], 'fm-denial': [], 'fm-unverified': [] });
  });

  test('with no text selected, a tag key or button relabels the selected annotation', async ({ page }) => {
    const words = 'destroyed an unmanned aerial vehicle over Kaspiysk';
    await dragSelect(page, words);
    await page.keyboard.press('1');
    const item = annotationItems(page).first();
    await expectItemLabel(item, 'Claim');
    // a click on the highlight selects its annotation and leaves no text selected
    await clickText(page, 'unmanned aerial');
    await expect(item).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('2');
    await expectItemLabel(item, 'Denial');
    await expect(page.getByRole('status')).toHaveText(`“${words}” is now denial.`);
    expect((await paintedHighlights(page))['fm-denial']).toEqual([words]);
    await tagButton(page, 'Unverified').click();
    await expectItemLabel(item, 'Unverified');
    await expect(annotationItems(page)).toHaveCount(1);
    await page.keyboard.press('3');
    await expect(page.getByRole('status')).toHaveText(`“${words}” is already unverified.`);
    await page.keyboard.press('Control+z');
    await expectItemLabel(item, 'Denial');
    await page.screenshot({ path: test.info().outputPath('relabel-by-key.png') });
  });

  test('a relabel shows in its select and its highlight from the first frame on, in its badge once saved, never going back', async ({ page }) => {
    await dragSelect(page, 'destroyed an unmanned aerial vehicle over Kaspiysk');
    await page.keyboard.press('1');
    const item = annotationItems(page).first();
    await expectItemLabel(item, 'Claim');
    const select = item.getByRole('combobox', { name: 'Label' });
    // what each frame shows after the choice, until the saved list has caught up
    const frames = await select.evaluate(async (el: HTMLSelectElement) => {
      const li = el.closest('li')!;
      const seen: string[] = [];
      el.value = 'denial';
      el.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const denial = CSS.highlights.get('fm-denial')?.size ?? 0;
        seen.push(`${el.value} ${denial ? 'denial' : 'claim'} highlight, badge ${li.querySelector('.badge')!.textContent}`);
      }
      return seen;
    });
    // the select and the highlight from the first frame; the badge follows the commit (a frame or two), and no frame
    // shows the old label again once it has shown the new one
    const badges = frames.map((f) => f.split('badge ')[1]);
    expect(new Set(frames.map((f) => f.split(', badge')[0]))).toEqual(new Set(['denial denial highlight']));
    expect(badges.at(-1)).toBe('Denial');
    expect(badges.slice(badges.indexOf('Denial'))).toEqual(badges.slice(badges.indexOf('Denial')).map(() => 'Denial'));
    await expectItemLabel(item, 'Denial');
    await expect(page.getByRole('status')).toContainText('is now denial');
  });

  test('when the disk is full a tag and a relabel are refused with a message, and what is shown is what is stored', async ({ page }) => {
    const full = (on: boolean) => diskFull(page, on ? ['add', 'put'] : []);
    const message = DISK_FULL;

    await full(true);
    await dragSelect(page, 'destroyed an unmanned aerial vehicle over Kaspiysk');
    await page.keyboard.press('1');
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(annotationItems(page)).toHaveCount(0);
    expect((await paintedHighlights(page))['fm-claim']).toEqual([]);
    // the selection stays, to be tagged again once there is space
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('destroyed an unmanned aerial vehicle over Kaspiysk');
    await full(false);
    await page.keyboard.press('1');
    await expect(annotationItems(page)).toHaveCount(1);
    const item = annotationItems(page).first();
    await expectItemLabel(item, 'Claim');

    await full(true);
    await item.getByRole('combobox', { name: 'Label' }).selectOption('Denial');
    await expect(page.getByRole('alert')).toContainText(message);
    // the select, the badge and the highlight go back to the stored label
    await expectItemLabel(item, 'Claim');
    await expect.poll(() => paintedHighlights(page)).toMatchObject({ 'fm-claim': ['destroyed an unmanned aerial vehicle over Kaspiysk'], 'fm-denial': [] });
    await page.screenshot({ path: 'test-results/screens/relabel-disk-full.png' });

    await full(false);
    await page.reload();
    await openArticle(page, /Kaspiysk/);
    await expect(annotationItems(page)).toHaveCount(1);
    await expectItemLabel(annotationItems(page).first(), 'Claim');
  });

  test('a delete or an undo that cannot be saved puts the highlights back as they are stored, with a message', async ({ page }) => {
    const words = 'destroyed an unmanned aerial vehicle over Kaspiysk';
    await dragSelect(page, words);
    await page.keyboard.press('1');
    await expect(annotationItems(page)).toHaveCount(1);
    await expect.poll(async () => (await paintedHighlights(page))['fm-claim']).toEqual([words]);

    // the highlight goes as the delete is sent, and comes back when it is refused
    await diskFull(page, ['delete']);
    await page.keyboard.press('Delete');
    await expect(page.getByRole('alert')).toContainText(DISK_FULL);
    await expect(annotationItems(page)).toHaveCount(1);
    expect((await paintedHighlights(page))['fm-claim']).toEqual([words]);

    await diskFull(page, []);
    await page.keyboard.press('Delete');
    await expect(annotationItems(page)).toHaveCount(0);
    expect((await paintedHighlights(page))['fm-claim']).toEqual([]);

    // undoing the delete writes the annotation again: refused, nothing is painted, and the undo is still there
    await diskFull(page, ['add', 'put']);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('alert')).toContainText(DISK_FULL);
    await expect(annotationItems(page)).toHaveCount(0);
    expect((await paintedHighlights(page))['fm-claim']).toEqual([]);

    await diskFull(page, []);
    await page.keyboard.press('Control+z');
    await expect(annotationItems(page)).toHaveCount(1);
    await expect.poll(async () => (await paintedHighlights(page))['fm-claim']).toEqual([words]);
    // the library counts what is stored
    await expect(articleTable(page).getByRole('row', { name: /Kaspiysk/ }).getByRole('cell', { name: '1 claim' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/undo-after-disk-full.png' });
    await page.reload();
    await openArticle(page, /Kaspiysk/);
    await expect(annotationItems(page)).toHaveCount(1);
  });

  test('clicking an item scrolls to its highlight and flashes it', async ({ page }) => {
    await dragSelect(page, 'disabled" a Russian minesweeping vessel');
    await page.keyboard.press('1');
    await expect.poll(async () => (await paintedHighlights(page))['fm-claim']).toEqual(['disabled" a Russian minesweeping vessel']);
    await page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = 0));
    // the tagged words are below the viewport now (and their highlight is not registered while far off screen)
    expect(await page.evaluate(() => {
      const p = [...document.querySelectorAll('[role="document"] p')].find((el) => el.textContent!.includes('disabled" a Russian minesweeping vessel'))!;
      return p.getBoundingClientRect().top > document.querySelector('.reader-scroll')!.getBoundingClientRect().bottom;
    })).toBe(true);
    await annotationItems(page).first().getByRole('button').first().click();
    await expect(annotationItems(page).first()).toHaveAttribute('aria-current', 'true');
    const flashed = (await paintedHighlights(page))['fm-flash']!;
    expect(flashed).toHaveLength(1);
    const visible = await page.evaluate(() => {
      const h = (CSS.highlights.get('fm-flash') as unknown as Set<AbstractRange>).values().next().value!;
      const live = document.createRange();
      live.setStart(h.startContainer, h.startOffset);
      live.setEnd(h.endContainer, h.endOffset);
      const r = live.getBoundingClientRect();
      const box = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    expect(visible).toBe(true);
    // scrolled to, its highlight is registered again
    await expect.poll(async () => (await paintedHighlights(page))['fm-claim']).toEqual(['disabled" a Russian minesweeping vessel']);
  });

  test('undo and redo tagging, relabelling and deleting with Ctrl+Z and Ctrl+Shift+Z', async ({ page }) => {
    await dragSelect(page, 'A port was attacked in Kaspiysk, Russia');
    await page.keyboard.press('1');
    const item = annotationItems(page).first();
    await item.getByRole('combobox', { name: 'Label' }).selectOption('Unverified');
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect(annotationItems(page)).toHaveCount(0);

    await page.keyboard.press('Control+z'); // delete undone
    await expect(annotationItems(page)).toHaveCount(1);
    await expectItemLabel(annotationItems(page).first(), 'Unverified');
    await page.keyboard.press('Control+z'); // relabel undone
    await expectItemLabel(annotationItems(page).first(), 'Claim');
    await page.keyboard.press('Control+z'); // tag undone
    await expect(annotationItems(page)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status')).toHaveText('Nothing to undo.');

    await page.keyboard.press('Control+Shift+Z'); // tag again
    await expect(annotationItems(page)).toHaveCount(1);
    await page.keyboard.press('Control+Shift+Z'); // relabel again
    await expectItemLabel(annotationItems(page).first(), 'Unverified');

    // what is shown is what is stored
    await page.reload();
    await openArticle(page, /Kaspiysk/);
    await expect(annotationItems(page)).toHaveCount(1);
    await expectItemLabel(annotationItems(page).first(), 'Unverified');
    expect((await paintedHighlights(page))['fm-unverified']).toEqual(['A port was attacked in Kaspiysk, Russia']);
  });

  test('every annotation survives a reload, and nothing else appears', async ({ page }) => {
    const spans = ['A port was attacked in Kaspiysk, Russia', 'did not report any Ukrainian drones', 'could not independently verify the footage'];
    for (const [i, s] of spans.entries()) {
      await dragSelect(page, s);
      await page.keyboard.press(String(i + 1));
    }
    await expect(annotationItems(page)).toHaveCount(3);
    const before = await annotationItems(page).allInnerTexts();
    await page.reload();
    await openArticle(page, /Kaspiysk/);
    await expect(annotationItems(page)).toHaveCount(3);
    expect(await annotationItems(page).allInnerTexts()).toEqual(before);
    expect(await paintedHighlights(page)).toMatchObject({
      'fm-claim': [spans[0]], 'fm-denial': [spans[1]], 'fm-unverified': [spans[2]],
    });
  });
});

test.describe('bad selections', () => {
  test.beforeEach(async ({ page }) => {
    await firstRun(page);
    await pasteArticle(page, 'Gaps', 'Alpha beta.\n\n\nGamma delta.');
  });

  test('no selection, whitespace only, or reaching outside the article: a hint and no annotation', async ({ page }) => {
    await tagButton(page, 'Claim').click();
    await expect(page.getByRole('status')).toHaveText('Select some text in the article first, then choose a tag.');

    await page.evaluate(() => {
      const ps = document.querySelectorAll('[aria-label="Article text"] p');
      const r = document.createRange();
      r.setStart(ps[1]!, 0);
      r.setEnd(ps[2]!, 0);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await page.keyboard.press('1');
    await expect(page.getByRole('status')).toHaveText('Only whitespace is selected. Select some words to tag.');

    await page.evaluate(() => {
      const text = document.querySelector('[aria-label="Article text"] p span')!.firstChild!;
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(document.querySelector('.status-bar')!, 0);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await page.keyboard.press('2');
    await expect(page.getByRole('status')).toHaveText('The selection reaches outside the article. Select text inside the article only.');
    await expect(annotationItems(page)).toHaveCount(0);
  });

  test('a selection across paragraphs is one annotation with the text between', async ({ page }) => {
    await dragSelect(page, 'beta.');
    await page.keyboard.down('Shift');
    const box = await page.getByText('Gamma delta.').boundingBox();
    await page.mouse.click(box!.x + 20, box!.y + box!.height / 2);
    await page.keyboard.up('Shift');
    await page.keyboard.press('1');
    await expect(annotationItems(page)).toHaveCount(1);
    await expect(annotationItems(page).first()).toContainText('beta.');
    await expect(annotationItems(page).first()).toContainText('Gamma');
  });
});
