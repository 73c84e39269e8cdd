import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { addSamples, chooseFiles, annotationItems, dragSelect, expectItemLabel, firstRun, itemWithQuote, openArticle, pasteArticle, articleRows, articleTable } from './helpers.ts';

const KASPIYSK = 'Drone attack on the Kaspiysk port, Caspian Sea';
const EMOJI_TITLE = 'Emoji report';
// astral characters (a ZWJ family, a flag) before the spans: code point and UTF-16 offsets differ
const EMOJI_TEXT = 'Families 👩‍👩‍👧 fled 🇺🇦. Officials said the café was struck. Moscow denied it. Reports of a second blast are unconfirmed.';
const SPANS = [
  { quote: 'Officials said the café was struck', key: '1', label: 'Claim' },
  { quote: 'Moscow denied it', key: '2', label: 'Denial' },
  { quote: 'Reports of a second blast', key: '3', label: 'Unverified' },
] as const;

const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

interface Exported {
  name: string;
  bytes: Buffer;
}

async function tagSpans(page: Page) {
  await firstRun(page);
  await addSamples(page);
  await openArticle(page, KASPIYSK);
  await dragSelect(page, 'A port was attacked in Kaspiysk, Russia');
  await page.keyboard.press('1');
  // overlaps the claim: CoNLL can keep only one of them and must say so
  await dragSelect(page, 'attacked in Kaspiysk');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(2);

  await pasteArticle(page, EMOJI_TITLE, EMOJI_TEXT);
  for (const s of SPANS) {
    await dragSelect(page, s.quote);
    await page.keyboard.press(s.key);
  }
  await expect(annotationItems(page)).toHaveCount(3);
}

async function exportAs(page: Page, format: string, opts: { scope?: 'Whole library' | 'Open article'; excel?: boolean; layer?: RegExp } = {}): Promise<Exported> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('radio', { name: opts.scope ?? 'Whole library', exact: true }).check();
  await dialog.getByRole('radio', { name: opts.layer ?? 'All annotators' }).check();
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
  if (opts.excel) await dialog.getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download: Download = await downloading;
  await expect(dialog).toBeHidden();
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('the "Mine" layer exports only the analyst’s own annotations', async ({ page }) => {
  await firstRun(page, 'Ana');
  await pasteArticle(page, 'Two analysts', 'Kyiv said the port was hit. Moscow denied it.');
  await dragSelect(page, 'Kyiv said the port was hit.');
  await page.keyboard.press('1');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Your name' }).fill('Bea');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Save' }).click();
  await dragSelect(page, 'Moscow denied it.');
  await page.keyboard.press('2');
  const spans = (file: Exported) => JSON.parse(file.bytes.toString('utf8').trim()).spans.map((s: { label: string }) => s.label);
  expect(spans(await exportAs(page, 'spaCy / Prodigy spans (JSONL)', { layer: /^Mine \(Bea\)$/ }))).toEqual(['denial']);
  expect(spans(await exportAs(page, 'spaCy / Prodigy spans (JSONL)'))).toEqual(['claim', 'denial']);
});

test('exports the library in every format with correct code-point offsets, and other profiles import them', async ({ page, browser }) => {
  test.setTimeout(120_000); // six fresh profiles, each importing twice
  await tagSpans(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const formatSelect = dialog.getByRole('combobox', { name: 'Format' });
  // retried: the dialog opens once its part has loaded, which a fresh machine may take a moment for
  await expect(formatSelect.locator('option')).toHaveText([
    'Factmark JSONL', 'CSV (one row per annotation)', 'brat standoff', 'CoNLL IOB2 (tokens)', 'W3C Web Annotation (JSON-LD)',
    'spaCy / Prodigy spans (JSONL)', 'Label Studio tasks (JSON)', 'doccano (JSONL)',
  ]);
  await expect(dialog.getByRole('radiogroup', { name: 'Scope' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Open article', exact: true })).toBeEnabled();
  await expect(dialog.getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' })).toHaveCount(0);
  await formatSelect.selectOption({ label: 'CSV (one row per annotation)' });
  await expect(dialog.getByRole('checkbox', { name: 'Excel (UTF-8 with BOM)' })).toBeVisible();
  await expect(dialog).toContainText('Offsets count Unicode code points');
  await expect(dialog).toContainText('Document texts, metadata other than the title');
  await formatSelect.selectOption({ label: 'CoNLL IOB2 (tokens)' });
  await expect(dialog).toContainText('one tag per token');
  await expect(dialog).toContainText('overlapping spans keep only the longest');
  await page.screenshot({ path: 'test-results/screens/export-dialog.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const out: Record<string, Exported> = {};
  const formats: [string, string, string][] = [
    ['factmark', 'Factmark JSONL', 'jsonl'], ['csv', 'CSV (one row per annotation)', 'csv'], ['brat', 'brat standoff', 'zip'],
    ['conll', 'CoNLL IOB2 (tokens)', 'conll'], ['w3c', 'W3C Web Annotation (JSON-LD)', 'jsonld'], ['spacy', 'spaCy / Prodigy spans (JSONL)', 'jsonl'],
    ['label-studio', 'Label Studio tasks (JSON)', 'json'], ['doccano', 'doccano (JSONL)', 'jsonl'],
  ];
  for (const [id, label, ext] of formats) {
    out[id] = await exportAs(page, label);
    expect(out[id]!.name).toMatch(new RegExp(`^factmark-library-${id}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`));
    expect(out[id]!.bytes.length).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toContainText(`Exported 6 articles and ${id === 'conll' ? 4 : 5} annotations as ${label} to ${out[id]!.name}.`);
  }
  // never silent about what a format drops
  await exportAs(page, 'CoNLL IOB2 (tokens)');
  await expect(page.getByRole('status')).toContainText('Left out 1 annotation: it overlaps a longer');

  // the open article alone; CSV for Excel starts with a byte-order mark
  const article = await exportAs(page, 'spaCy / Prodigy spans (JSONL)', { scope: 'Open article' });
  expect(article.name).toMatch(/^factmark-article-spacy-\d{4}-\d{2}-\d{2}\.jsonl$/);
  await expect(page.getByRole('status')).toContainText('Exported 1 article and 3 annotations');
  const excel = await exportAs(page, 'CSV (one row per annotation)', { excel: true });
  expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  // every span the code-point formats write slices the text to its quote
  const checkSpan = (text: string, start: number, end: number, label: string) => {
    const quote = cpSlice(text, start, end);
    expect(SPANS.some((s) => s.quote === quote && s.label.toLowerCase() === label) || text.includes('Kaspiysk')).toBe(true);
    return quote;
  };
  const lines = (e: Exported) => e.bytes.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

  const native = lines(out.factmark!);
  const nativeDoc = native.find((r) => r.title === EMOJI_TITLE);
  expect(nativeDoc.text).toBe(EMOJI_TEXT);
  expect(nativeDoc.annotations.map((a: { start: number; end: number; label: string }) => checkSpan(nativeDoc.text, a.start, a.end, a.label))).toEqual(SPANS.map((s) => s.quote));
  const emojiId: string = nativeDoc.id;

  const csvRows = out.csv!.bytes.toString('utf8').split('\n').filter((l) => l.includes(emojiId));
  expect(csvRows).toHaveLength(3);
  for (const row of csvRows) {
    const [, , , label, start, end, text] = row.split(',');
    expect(checkSpan(EMOJI_TEXT, Number(start), Number(end), label!)).toBe(text);
  }

  const brat = unzipSync(out.brat!.bytes);
  expect(strFromU8(brat[`${emojiId}.txt`]!)).toBe(EMOJI_TEXT);
  const ann = strFromU8(brat[`${emojiId}.ann`]!).split('\n').filter((l) => l.startsWith('T'));
  expect(ann).toHaveLength(3);
  for (const line of ann) {
    const [, spec, text] = line.split('\t');
    const [label, start, end] = spec!.split(' ');
    expect(checkSpan(EMOJI_TEXT, Number(start), Number(end), label!)).toBe(text);
  }

  const conll = out.conll!.bytes.toString('utf8');
  expect(conll).toMatch(/^Moscow\tB-denial$/m);
  expect(conll).toMatch(/^blast\tI-unverified$/m);

  const w3c = JSON.parse(out.w3c!.bytes.toString('utf8'));
  const w3cDoc = w3c['factmark:documents'].find((d: Record<string, unknown>) => d['factmark:id'] === emojiId);
  const w3cItems = w3c.first.items.filter((i: { target: { source: string } }) => i.target.source === w3cDoc.id);
  expect(w3cItems).toHaveLength(3);
  for (const item of w3cItems) {
    const pos = item.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    const exact = item.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector').exact;
    expect(checkSpan(w3cDoc['factmark:text'], pos.start, pos.end, item.body[0].value)).toBe(exact);
  }

  const spacy = lines(out.spacy!).find((r) => r.meta.id === emojiId);
  expect(spacy.spans.map((s: { start: number; end: number; label: string; text: string }) => checkSpan(spacy.text, s.start, s.end, s.label) === s.text)).toEqual([true, true, true]);

  const ls = JSON.parse(out['label-studio']!.bytes.toString('utf8')).find((t: { data: { document_id: string } }) => t.data.document_id === emojiId);
  const lsResults = ls.annotations.flatMap((a: { result: unknown[] }) => a.result);
  expect(lsResults.map((r: { value: { start: number; end: number; labels: string[]; text: string } }) => checkSpan(ls.data.text, r.value.start, r.value.end, r.value.labels[0]!) === r.value.text)).toEqual([true, true, true]);

  const doccano = lines(out.doccano!).find((r) => r.document_id === emojiId);
  expect(doccano.label.map(([s, e, l]: [number, number, string]) => checkSpan(doccano.text, s, e, l))).toEqual(SPANS.map((s) => s.quote));

  // a fresh profile reads each importable format back: same labels on the same quotes
  for (const id of ['factmark', 'w3c', 'spacy', 'doccano', 'label-studio', 'brat']) {
    // importing the same file twice changes nothing, also for formats without ids (their ids are derived)
    await importInFreshProfile(browser, out[id]!, id === 'brat' ? emojiId : EMOJI_TITLE, true);
  }
});

async function importInFreshProfile(browser: Browser, file: Exported, title: string, twice: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await firstRun(page, 'Bea Reviewer');
    await importDataset(page, file);
    await expect(page.getByRole('status')).toContainText(/Imported 6 new articles and [45] annotations from /);
    await expect(articleRows(page)).toHaveCount(6);
    await openArticle(page, title);
    await expect(annotationItems(page)).toHaveCount(3);
    for (const s of SPANS) await expectItemLabel(itemWithQuote(page, s.quote), s.label);
    if (twice) {
      await importDataset(page, file);
      await expect(page.getByRole('status')).toContainText('Imported 0 new articles and 0 annotations');
      await expect(page.getByRole('status')).toContainText(/6 articles already in the library got their annotations\. [45] annotations had been imported before/);
      await expect(articleRows(page)).toHaveCount(6);
      await openArticle(page, title);
      await expect(annotationItems(page)).toHaveCount(3);
      if (file.name.includes('-factmark-')) {
        // the native format keeps titles: the overlapping pair on the sample article is there once
        await openArticle(page, KASPIYSK);
        await expect(annotationItems(page)).toHaveCount(2);
      }
    }
  } finally {
    await context.close();
  }
}

async function importDataset(page: Page, file: { name: string; bytes: Buffer }) {
  await chooseFiles(page, 'Import dataset…', { name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
}

async function importFiles(page: Page, files: { name: string; buffer: Buffer }[]) {
  await chooseFiles(page, 'Import files…', files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
}

test.describe('importing', () => {
  test.beforeEach(async ({ page }) => firstRun(page));

  test('a broken dataset file gets a clear message and changes nothing', async ({ page }) => {
    await importDataset(page, { name: 'notes.json', bytes: utf8('this is not a dataset') });
    await expect(page.getByRole('alert')).toContainText('Could not import notes.json: it is not in a dataset format Factmark reads');
    await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
    await expect(page.getByText('Your library is empty.')).toBeVisible();
  });

  test('when the import worker cannot run, the message says so and nothing is imported', async ({ page }) => {
    // the worker's script fails to load (a damaged install): the window still answers, with a message
    await page.route('**/importFiles.worker-*.js', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await importDataset(page, { name: 'team.factmark.jsonl', bytes: utf8('{"format":"factmark","schemaVersion":1}\n') });
    await expect(page.getByRole('alert')).toHaveText(/The dataset import stopped unexpectedly\. Try again; if it happens again, import the files in smaller parts\. Nothing was imported\./);
    await expect(page.getByText('Your library is empty.')).toBeVisible();
  });

  test('a Markdown file keeps its headings and lists in the reader', async ({ page }) => {
    await importFiles(page, [{ name: 'port-report.md', buffer: utf8('# Port attacked in Kaspiysk\n\nKyiv said a port was attacked.\n\n- Moscow denied it.\n- Reports of a second blast are unconfirmed.\n') }]);
    await expect(page.getByRole('status')).toContainText('Added 1 article.');
    const article = page.getByRole('document', { name: 'Article text' });
    await expect(article.getByRole('heading', { name: 'Port attacked in Kaspiysk' })).toBeVisible();
    await expect(article.getByRole('listitem')).toHaveText(['Moscow denied it.', 'Reports of a second blast are unconfirmed.']);
  });

  test('a saved web page imports with its title', async ({ page }) => {
    const body = 'Officials in Dagestan said on Wednesday that air defences destroyed a drone over the Caspian port city. '.repeat(3);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Drone downed over Kaspiysk port</title><script>window.evil = 1</script></head>
      <body><nav>Home | World</nav><article><h1>Drone downed over Kaspiysk port</h1><p>${body}</p><p>Moscow denied any damage to ships.</p></article></body></html>`;
    await importFiles(page, [{ name: 'saved-page.html', buffer: utf8(html) }]);
    await expect(page.getByRole('status')).toContainText('Added 1 article.');
    await expect(articleTable(page)).toContainText('Drone downed over Kaspiysk port');
    await openArticle(page, /Drone downed over Kaspiysk port/);
    await expect(page.getByRole('document', { name: 'Article text' })).toContainText('Moscow denied any damage to ships.');
    expect(await page.evaluate(() => (window as unknown as { evil?: number }).evil)).toBeUndefined();
  });

  test('a JSONL corpus with a bad line names the line and imports the good ones', async ({ page }) => {
    const corpus = [
      JSON.stringify({ title: 'First report', text: 'Kyiv said a port was attacked.' }),
      '{"title": "Broken", "text": ',
      JSON.stringify({ title: 'Second report', text: 'Moscow denied it.' }),
    ].join('\n');
    await importFiles(page, [{ name: 'corpus.jsonl', buffer: utf8(corpus) }]);
    const summary = page.getByRole('dialog', { name: 'Import summary' });
    await expect(summary.getByRole('definition').first()).toHaveText('2 articles');
    await expect(summary.getByRole('region', { name: 'Failed' })).toContainText('corpus.jsonl line 2:');
    await summary.getByRole('button', { name: 'Close' }).click();
    const list = articleTable(page);
    await expect(articleRows(page)).toHaveCount(2);
    await expect(list).toContainText('First report');
    await expect(list).toContainText('Second report');
  });
});
