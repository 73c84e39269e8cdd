import { expect, test } from '@playwright/test';
import { annotationItems, dragSelect, firstRun, openArticle, articleRows, articleTable } from './helpers.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

test.beforeEach(async ({ page }) => firstRun(page));

async function importFiles(page: import('@playwright/test').Page, files: { name: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ ...f, mimeType: 'text/plain' })));
}

test('imports several .txt files at once; bad files are named with the reason and the rest still import', async ({ page }) => {
  await importFiles(page, [
    { name: 'crlf-bom.txt', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Kyiv said the port was hit.\r\nMoscow denied it.\r\n')]) },
    { name: 'emoji.txt', buffer: utf8('Families 👩‍👩‍👧 fled 🇺🇦 as officials said the café was struck.\n') },
    { name: 'empty.txt', buffer: Buffer.alloc(0) },
    { name: 'image.txt', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
    { name: 'utf16.txt', buffer: Buffer.from('hello world', 'utf16le') },
    { name: 'latin1.txt', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Added 2 articles.');
  await expect(alert).toContainText('Could not import empty.txt: the file is empty.');
  await expect(alert).toContainText('image.txt is a PNG image, not text.');
  await expect(alert).toContainText('Could not import utf16.txt: it looks like UTF-16 text without a byte-order mark');
  await expect(alert).toContainText('Could not import latin1.txt: it is not valid UTF-8 text');
  const list = articleTable(page);
  await expect(articleRows(page)).toHaveCount(2);
  await expect(list).toContainText('crlf-bom');
  await expect(list).toContainText('emoji.txt');

  // CRLF and BOM are normalised: two paragraphs, offsets line up with what is shown
  await openArticle(page, /crlf-bom/);
  await expect(page.getByRole('document', { name: 'Article text' }).locator('p')).toHaveText(['Kyiv said the port was hit.', 'Moscow denied it.', '']);
  await dragSelect(page, 'Moscow denied it.');
  await page.keyboard.press('2');
  await expect(annotationItems(page).first()).toContainText('Moscow denied it.');

  // emoji sequences are never split, and the quote is exact
  await openArticle(page, /emoji/);
  await dragSelect(page, '👩‍👩‍👧 fled 🇺🇦', { from: 2, to: 16 }); // from inside the first emoji to between the flag's two halves
  await page.keyboard.press('3');
  await expect(annotationItems(page).first().getByRole('button').first()).toHaveAccessibleName('Unverified: 👩‍👩‍👧 fled 🇺🇦');
  await page.screenshot({ path: 'test-results/screens/import-problems.png' });
});

test('cancelling the file picker changes nothing', async ({ page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles([]);
  await expect(page.getByText('Your library is empty.')).toBeVisible();
});
