import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { compareReadingOrder } from '../shared/annotation.ts';
import { exportFactmark } from '../shared/formats/factmark.ts';
import { highlightName } from '../shared/labels.ts';
import { makeAnnotations, makeDocument, makeText, prng, sentencesOf } from '../bench/data.ts';
import { annotationsRegion, chooseFiles, dragSelect, firstRun, openArticle, paintedHighlights } from './helpers.ts';

const TITLE = 'A long article';
const ANNOTATIONS = 3000;

/** A 40,000-word article (a few hundred paragraphs) with 3,000 annotations, as a Factmark JSONL dataset file. */
async function longArticle() {
  const samples = readdirSync('samples').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`samples/${f}`, 'utf8'));
  const rand = prng(11);
  const doc = await makeDocument(rand, TITLE, makeText(rand, sentencesOf(samples), { words: 40_000 }));
  const annotations = makeAnnotations(rand, doc, ANNOTATIONS, ['Ana Analyst']).sort(compareReadingOrder);
  const file = exportFactmark({ documents: [doc], annotations }).files[0]!;
  return { doc, annotations, file: { name: 'long.jsonl', mimeType: 'application/octet-stream', buffer: Buffer.from(file.data as string) } };
}

/** The first run, then the long article imported through Import dataset…. */
async function importLongArticle(page: Page) {
  const article = await longArticle();
  await firstRun(page);
  await chooseFiles(page, 'Import dataset…', article.file);
  await expect(page.getByRole('status')).toContainText(`${ANNOTATIONS} annotations`);
  return article;
}

const count = (page: Page) => annotationsRegion(page).locator('h2 .count');

/** Selects the second word of the article's last paragraph, once the whole article is rendered; returns it. */
async function selectInLastParagraph(page: Page, text: string): Promise<string> {
  const word = text.slice(text.lastIndexOf('\n') + 1).split(' ')[1]!;
  await page.evaluate((word) => {
    const ps = document.querySelectorAll('[role="document"] p');
    const node = document.createTreeWalker(ps[ps.length - 1]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const start = node.data.indexOf(` ${word}`) + 1;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + word.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, word);
  return word;
}

/** How many annotations each stored pack holds (renderer/db/annotationPacks.ts), read from the app's database. */
const packSizes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('factmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('annotationPacks').objectStore('annotationPacks').getAll();
          all.onsuccess = () => (db.close(), resolve(all.result.map((p: { annotations: unknown[] }) => p.annotations.length)));
        };
      }),
  );

test('a long article opens on its first screen with its highlights, lists every annotation, and highlights what is scrolled to', async ({ page }) => {
  test.setTimeout(120_000);
  const { doc, annotations } = await importLongArticle(page);
  await openArticle(page, TITLE);

  // the first annotations are painted on the first screen; the panel counts all of them once all are read
  const first = annotations[0]!;
  await expect.poll(async () => (await paintedHighlights(page))[highlightName(first.label)]).toContain(first.quote);
  await expect(count(page)).toHaveText(String(ANNOTATIONS));
  await expect(page.locator('[data-highlights]')).toHaveAttribute('data-highlights', String(ANNOTATIONS));
  // only the ranges around what is shown are registered, not all 3,000
  const registered = async () => Object.values(await paintedHighlights(page)).flat().length;
  expect(await registered()).toBeLessThan(ANNOTATIONS / 10);

  // scrolled to the end, the last annotations are highlighted there
  const last = annotations.at(-1)!;
  // (chunks laid out on the way take their real height, so the end moves: scroll until it is reached)
  const toEnd = () => page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(async () => (await toEnd(), (await paintedHighlights(page))[highlightName(last.label)])).toContain(last.quote);
  expect(await registered()).toBeLessThan(ANNOTATIONS / 10);
  await page.screenshot({ path: test.info().outputPath('long-article-end.png') });

  // tagging in the last paragraph is saved like anywhere else
  const word = await selectInLastParagraph(page, doc.text);
  await page.keyboard.press('1');
  await expect(count(page)).toHaveText(String(ANNOTATIONS + 1));
  // the panel brings the new annotation's item into view (one of the last of 3,001) and marks it as the current one
  const current = annotationsRegion(page).locator('[aria-current="true"]');
  await expect(current).toContainText(word);
  await expect(current).toBeInViewport();
  await page.reload();
  await openArticle(page, TITLE);
  await expect(count(page)).toHaveText(String(ANNOTATIONS + 1));
});

test('a long article opens from the head of its text; if the rest cannot be read it says so, and what needs the whole text waits', async ({ page }) => {
  test.setTimeout(120_000);
  const { doc, annotations } = await importLongArticle(page);
  // the whole text cannot be read, as from a failing disk; its head (kept apart, renderer/db/textHeads.ts) can
  await page.evaluate(() => {
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
      if (this.name === 'texts') throw new DOMException('The disk could not be read.', 'NotReadableError');
      return get.apply(this, args);
    };
  });
  await openArticle(page, TITLE);

  // the first screen shows, with its highlights
  const first = annotations[0]!;
  await expect.poll(async () => (await paintedHighlights(page))[highlightName(first.label)]).toContain(first.quote);
  const firstLine = doc.text.slice(0, doc.text.indexOf('\n'));
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText(firstLine);
  await expect(page.getByRole('alert')).toContainText('Could not read the rest of this article: The disk could not be read.');
  await page.screenshot({ path: test.info().outputPath('head-only.png') });

  // tagging needs the whole text: it says so and saves nothing; Review waits too
  const word = firstLine.split(' ')[2]!;
  await dragSelect(page, word);
  await page.keyboard.press('1');
  await expect(page.getByRole('status')).toContainText('The article is still opening. Try again in a moment.');
  await expect(count(page)).toHaveText(String(ANNOTATIONS));
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toBeDisabled();

  // once the disk reads again, the article opens whole: the selection is tagged
  await page.reload();
  await openArticle(page, TITLE);
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toBeEnabled();
  await dragSelect(page, word);
  await page.keyboard.press('1');
  await expect(count(page)).toHaveText(String(ANNOTATIONS + 1));
});

test('a heavily annotated article is read from its pack, and a change made since is never lost', async ({ page }) => {
  test.setTimeout(120_000);
  const { doc } = await importLongArticle(page);
  // the import kept the article's annotations as one record too, for its first opening
  await expect.poll(() => packSizes(page)).toEqual([ANNOTATIONS]);
  await openArticle(page, TITLE);
  await expect(count(page)).toHaveText(String(ANNOTATIONS));
  await expect(page.locator('[data-highlights]')).toHaveAttribute('data-highlights', String(ANNOTATIONS));

  // a tag after the first screen (whose annotations are never read from the pack): the pack stays as it was, and the
  // tag is noted beside it
  const word = await selectInLastParagraph(page, doc.text);
  await page.keyboard.press('1');
  await expect(count(page)).toHaveText(String(ANNOTATIONS + 1));
  expect(await packSizes(page)).toEqual([ANNOTATIONS]);
  await page.reload();
  await openArticle(page, TITLE);
  await expect(count(page)).toHaveText(String(ANNOTATIONS + 1));
  await expect(page.locator('[data-highlights]')).toHaveAttribute('data-highlights', String(ANNOTATIONS + 1));
  const toEnd = () => page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(async () => (await toEnd(), (await paintedHighlights(page))[highlightName('claim')])).toContain(word);
  await page.screenshot({ path: test.info().outputPath('reopened-from-pack.png') });
  // and packed again with the tag in it
  await expect.poll(() => packSizes(page), { timeout: 20_000 }).toEqual([ANNOTATIONS + 1]);
});
