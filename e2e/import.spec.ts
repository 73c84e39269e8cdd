import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { annotationItems, chooseFiles, dragSelect, firstRun, pasteArticle, withSlowCpu } from './helpers.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

test.beforeEach(async ({ page }) => firstRun(page));

const articles = (page: Page) => page.getByRole('table', { name: 'Articles' });
const expectArticleCount = (page: Page, n: number) => expect(articles(page)).toHaveAttribute('aria-rowcount', String(n + 1));
const summary = (page: Page) => page.getByRole('dialog', { name: 'Import summary' });

async function openArticle(page: Page, title: string | RegExp) {
  await articles(page).getByRole('button', { name: title }).first().click();
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible();
}

async function importFiles(page: Page, files: { name: string; buffer: Buffer }[] | string[]) {
  await chooseFiles(page, 'Import files…', typeof files[0] === 'string' ? (files as string[]) : (files as { name: string; buffer: Buffer }[]).map((f) => ({ ...f, mimeType: 'text/plain' })));
}

/** A saved news page with enough text to be an article; `canonical` makes it identifiable across versions. */
function newsPage(title: string, body: string, canonical?: string, published = '2024-03-05') {
  return `<!doctype html><html><head><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}
<meta property="og:site_name" content="Kyiv Daily"><meta property="article:published_time" content="${published}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
<p>${body} Officials in Kyiv said on Tuesday that drones had struck the port overnight, damaging two warehouses and a crane.</p>
<p>Moscow denied any involvement and said the claims were unverified, while local residents reported hearing several explosions.</p>
</article></body></html>`;
}

test('imports several files at once; each bad file is named with its reason in the summary and the rest still import', async ({ page }) => {
  // a 200 MB file: sparse on disk, refused by its size before a byte is read
  const dir = mkdtempSync(path.join(tmpdir(), 'fm-import-'));
  const huge = path.join(dir, 'huge-dump.txt');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  const files: [string, Buffer][] = [
    ['crlf-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Kyiv said the port was hit.\r\nMoscow denied it.\r\n')])],
    ['emoji.txt', utf8('Families 👩‍👩‍👧 fled 🇺🇦 as officials said the café was struck.\n')],
    ['empty.txt', Buffer.alloc(0)],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['utf16.txt', Buffer.from('hello world', 'utf16le')],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])],
    ['login-wall.html', utf8('<!doctype html><html><head><title>Sign in</title></head><body><form><input name="u"><button>Sign in</button></form></body></html>')],
  ];
  for (const [name, buffer] of files) writeFileSync(path.join(dir, name), buffer);
  await importFiles(page, [...files.map(([name]) => path.join(dir, name)), huge]);

  const dialog = summary(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('definition').first()).toHaveText('2 articles');
  const failed = dialog.getByRole('region', { name: 'Failed' });
  await expect(failed.getByRole('listitem')).toHaveCount(6);
  await expect(failed).toContainText('Could not import empty.txt: the file is empty.');
  await expect(failed).toContainText('image.txt is a PNG image, not text.');
  await expect(failed).toContainText('Could not import utf16.txt: it looks like UTF-16 text without a byte-order mark');
  await expect(failed).toContainText('Could not import latin1.txt: it is not valid UTF-8 text');
  await expect(failed).toContainText('No article text found in login-wall.html');
  await expect(failed).toContainText('huge-dump.txt is 200 MB; the largest article Factmark imports is 50 MB.');
  await page.screenshot({ path: test.info().outputPath('import-summary-failures.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expectArticleCount(page, 2);

  // CRLF and BOM are normalised: two paragraphs, offsets line up with what is shown
  await openArticle(page, /crlf-bom/);
  await expect(page.getByRole('document', { name: 'Article text' }).locator('p')).toHaveText(['Kyiv said the port was hit.', 'Moscow denied it.', '']);
  await dragSelect(page, 'Moscow denied it.');
  await page.keyboard.press('2');
  await expect(annotationItems(page).first()).toContainText('Moscow denied it.');

  // emoji sequences are never split, and the quote is exact
  await openArticle(page, /emoji/);
  await dragSelect(page, '👩‍👩‍👧 fled 🇺🇦', { from: 2, to: 16 });
  await page.keyboard.press('3');
  await expect(annotationItems(page).first().getByRole('button').first()).toHaveAccessibleName('Unverified: 👩‍👩‍👧 fled 🇺🇦');

  // the failed batch touched nothing: importing the same files again only finds duplicates
  await importFiles(page, files.slice(0, 2).map(([name]) => path.join(dir, name)));
  await expect(summary(page).getByRole('region', { name: 'Duplicates skipped' }).getByRole('listitem')).toHaveCount(2);
  await summary(page).getByRole('button', { name: 'Close' }).click();
  await expectArticleCount(page, 2);
  await openArticle(page, /crlf-bom/);
  await expect(annotationItems(page)).toHaveCount(1);
});

test('cancelling the file picker changes nothing', async ({ page }) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles([]);
  await expect(page.getByText('Your library is empty.')).toBeVisible();
  await expect(summary(page)).toBeHidden();
});

test('Import folder… reads the folder and its subfolders, skips hidden files and names unsupported ones', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fm-folder-'));
  const root = path.join(dir, 'port-attack');
  mkdirSync(path.join(root, 'day2'), { recursive: true });
  mkdirSync(path.join(root, '.cache'));
  writeFileSync(path.join(root, 'kyiv.txt'), 'Kyiv statement\nKyiv said the port was hit overnight.\n');
  writeFileSync(path.join(root, 'day2', 'moscow.md'), '# Moscow denies\n\nMoscow denied any strike on the port.\n');
  writeFileSync(path.join(root, 'day2', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(root, '.DS_Store'), 'junk');
  writeFileSync(path.join(root, '.cache', 'x.txt'), 'hidden');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder…' }).click();
  await (await chooser).setFiles(root);
  const dialog = summary(page);
  await expect(dialog.getByRole('definition').first()).toHaveText('2 articles');
  await expect(dialog.getByRole('region', { name: 'Failed' })).toContainText('port-attack/day2/photo.png: Factmark cannot import photo.png');
  await expect(dialog.getByRole('region', { name: 'Failed' }).getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectArticleCount(page, 2);
  await expect(articles(page).getByRole('button', { name: 'Moscow denies' })).toBeVisible();
  await expect(articles(page).getByRole('button', { name: 'Kyiv statement' })).toBeVisible();
});

test('drop files anywhere on the library: it says what it accepts while dragging, then imports them', async ({ page }) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Dropped report\nThe mayor said the bridge was closed.\n'], 'bridge.txt', { type: 'text/plain' }));
    dt.items.add(new File(['{"text": "The governor denied it."}\n{not json}\n'], 'corpus.jsonl'));
    return dt;
  });
  await library.dispatchEvent('dragenter', { dataTransfer });
  await library.dispatchEvent('dragover', { dataTransfer });
  const notice = page.getByRole('status').filter({ hasText: 'Drop files or folders to import them' });
  await expect(notice).toContainText('text (.txt), Markdown (.md), saved web pages (.html) and JSONL corpora (.jsonl)');
  await page.screenshot({ path: test.info().outputPath('drop-zone.png') });
  await library.dispatchEvent('drop', { dataTransfer });
  await expect(notice).toBeHidden();
  const dialog = summary(page);
  await expect(dialog.getByRole('definition').first()).toHaveText('2 articles');
  await expect(dialog.getByRole('region', { name: 'Failed' })).toContainText('corpus.jsonl line 2: not valid JSON');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectArticleCount(page, 2);

  // a drag of text (not files) is not offered a drop
  const text = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'hello');
    return dt;
  });
  await library.dispatchEvent('dragenter', { dataTransfer: text });
  await expect(notice).toBeHidden();
});

test('paste: a pasted text is added once; pasting it again says it is already there', async ({ page }) => {
  await pasteArticle(page, 'Pasted report', 'The minister said the talks had failed.');
  await expect(page.getByRole('definition').filter({ hasText: 'Pasted text' })).toBeVisible();
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Same text again');
  await dialog.getByRole('textbox', { name: 'Text' }).fill('The minister said the talks had failed.');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText('“Same text again” is already in the library as “Pasted report”.')).toBeVisible();
  await expectArticleCount(page, 1);
});

test('a JSONL corpus with broken lines: every bad line is reported by number, the good ones are imported', async ({ page }) => {
  const lines = [
    JSON.stringify({ text: 'Kyiv said the port was hit.', title: 'Port hit', meta: { source: 'Kyiv Daily', url: 'https://kyiv.example/port', date: 'March 5, 2024' } }),
    '{"text": "unterminated',
    '[1, 2]',
    JSON.stringify({ title: 'no text' }),
    '',
    JSON.stringify({ text: 42 }),
    JSON.stringify({ text: 'Moscow denied it.', title: 'Denial' }),
  ];
  await importFiles(page, [{ name: 'corpus.jsonl', buffer: utf8(lines.join('\n')) }]);
  const dialog = summary(page);
  await expect(dialog.getByRole('definition').first()).toHaveText('2 articles');
  const failed = dialog.getByRole('region', { name: 'Failed' });
  await expect(failed.getByRole('listitem')).toHaveText([
    /corpus\.jsonl line 2: not valid JSON/,
    'corpus.jsonl: corpus.jsonl line 3: expected a JSON object like {"text": "…"}, found an array.',
    'corpus.jsonl: corpus.jsonl line 4: it has no "text".',
    'corpus.jsonl: corpus.jsonl line 6: "text" must be a string, not a number.',
  ]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await openArticle(page, 'Port hit');
  const provenance = page.getByRole('definition');
  await expect(page.getByRole('term').filter({ hasText: 'Published' })).toBeVisible();
  await expect(provenance.filter({ hasText: '2024-03-05' })).toBeVisible();
  await expect(provenance.filter({ hasText: 'Kyiv Daily — JSONL corpus corpus.jsonl' })).toBeVisible();
});

test('duplicates are skipped; a changed text of a known article becomes a new version, and the reader links the versions', async ({ page, context }) => {
  const url = 'https://kyiv.example/news/port-attack';
  const v1 = newsPage('Drones hit Kyiv port', 'Early report.', url);
  await importFiles(page, [{ name: 'port.html', buffer: utf8(v1) }]);
  await expect(page.getByRole('status')).toContainText('Added 1 article.');
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible();
  // tag something in version 1: it moves to version 2 when that arrives
  await dragSelect(page, 'Moscow denied any involvement');
  await page.keyboard.press('2');
  await expect(annotationItems(page)).toHaveCount(1);

  // provenance: source, URL (opens outside), date, imported time, short hash
  const header = page.getByRole('region', { name: 'Reader' });
  await expect(header.getByRole('definition').filter({ hasText: 'Kyiv Daily — saved web page port.html' })).toBeVisible();
  await expect(header.getByRole('definition').filter({ hasText: '2024-03-05' })).toBeVisible();
  await expect(header.getByRole('code')).toHaveText(/^[0-9a-f]{12}$/);
  await context.route('**/*', (route) => (route.request().url().startsWith('https://kyiv.example') ? route.fulfill({ body: 'outside' }) : route.continue()));
  const popup = context.waitForEvent('page');
  await header.getByRole('link', { name: 'kyiv.example/news/port-attack' }).click();
  expect((await popup).url()).toBe(url);
  await (await popup).close();

  // same text again (another file name, same URL): a duplicate; changed text: version 2
  const v2 = newsPage('Drones hit Kyiv port', 'Updated: three warehouses burned.', `${url}?utm_source=feed`, '2024-03-06');
  await importFiles(page, [
    { name: 'port-copy.html', buffer: utf8(v1) },
    { name: 'port-update.html', buffer: utf8(v2) },
  ]);
  const dialog = summary(page);
  await expect(dialog.getByRole('definition').first()).toHaveText('1 article, 1 new version of articles already in the library');
  await expect(dialog.getByRole('region', { name: 'New versions' })).toContainText('“Drones hit Kyiv port” is version 2 (port-update.html)');
  await expect(dialog.getByRole('region', { name: 'Duplicates skipped' })).toContainText('port-copy.html: “Drones hit Kyiv port” is already in the library.');
  await expect(dialog).toContainText('1 annotation moved to the new versions.');
  await page.screenshot({ path: test.info().outputPath('import-summary-versions.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectArticleCount(page, 2);

  // the open version 1 now says another version exists; open it from there
  const others = page.getByRole('navigation', { name: 'Other versions' });
  await expect(others).toContainText('Other versions exist');
  await expect(header.getByRole('definition').filter({ hasText: /^1 of 2$/ })).toBeVisible();
  await others.getByRole('button', { name: 'Version 2 · 2024-03-06' }).click();
  await expect(header.getByRole('definition').filter({ hasText: /^2 of 2$/ })).toBeVisible();
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('three warehouses burned');
  await expect(annotationItems(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('reader-provenance.png') });
  await others.getByRole('button', { name: 'Version 1 · 2024-03-05' }).click();
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('Early report.');
});

test('one file is added and opened the same way however long it takes, progress bar or not', async ({ page }) => {
  const body = 'Officials in Kyiv said the port was struck overnight and two cranes were damaged. '.repeat(12_000);
  // whether the progress bar ever showed, seen by the page itself: a poll from here can fall between its showing and
  // the import's end on a fast run
  await page.evaluate(() => {
    const w = window as { sawProgress?: boolean };
    new MutationObserver(() => (w.sawProgress ||= !!document.querySelector('[role="progressbar"][aria-label="Import progress"]'))).observe(document.body, { childList: true, subtree: true });
  });
  await withSlowCpu(page, 8, async () => {
    await importFiles(page, [{ name: 'long-report.html', buffer: utf8(newsPage('Port struck overnight', body)) }]);
    await expect(page.getByRole('status')).toHaveText('Added 1 article.', { timeout: 20_000 });
  });
  expect(await page.evaluate(() => (window as { sawProgress?: boolean }).sawProgress)).toBe(true);
  await expect(summary(page)).toBeHidden();
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText('two cranes were damaged');
});

test('a long import shows progress with counts; Cancel stops after the current chunk and reports what was imported', async ({ page }) => {
  test.setTimeout(90_000);
  // saved web pages are the slowest to convert, so this batch runs long enough to watch and cancel
  const files = Array.from({ length: 1500 }, (_, i) => ({ name: `page-${String(i).padStart(4, '0')}.html`, buffer: utf8(newsPage(`Report ${i}`, `Report number ${i}.`)) }));
  await importFiles(page, files);
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', '1500');
  await expect(page.getByText(/^[\d,]+ of 1,500 files · [\d,]+ articles? imported$/)).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('import-progress.png') });
  await page.getByRole('button', { name: 'Cancel import' }).click();

  const dialog = summary(page);
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(bar).toBeHidden();
  await expect(dialog).toContainText(/Import cancelled after [\d,]+ of 1,500 files/);
  const imported = Number((await dialog.getByRole('definition').first().textContent())!.replace(/[^\d]/g, ''));
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(1500);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // nothing half-written: the library holds exactly what the summary counted
  await expectArticleCount(page, imported);
});
