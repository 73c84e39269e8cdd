/**
 * Review (issue #5): import two teammates' packages → disagreements shown → agreement shown → adjudicate → export
 * gold → import it into a fresh profile. The packages are made with the app's own shared code, as "Export for
 * review" makes them on the teammates' machines.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { makeAnnotation } from '../shared/annotation.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { Annotation, FmDocument } from '../shared/model.ts';
import { buildReviewPackage } from '../shared/review/package.ts';
import { articleRows, dragSelect, firstRun, openArticle, pasteArticle, tagButton } from './helpers.ts';

const TITLE = 'Port attack report';
const TEXT = 'Officials said the port was attacked overnight.\nRussia denied it on Tuesday.\nNobody confirmed the damage.';

async function packages() {
  const doc: FmDocument = { id: 'doc-1', title: TITLE, text: TEXT, contentHash: await sha256Hex(TEXT), source: { kind: 'paste' }, createdAt: '2024-05-01T09:00:00.000Z' };
  const tag = (annotator: string, quote: string, label: Annotation['label'], id: string) => {
    const start = TEXT.indexOf(quote);
    return makeAnnotation(TEXT, { documentId: doc.id, annotator, label, start, end: start + quote.length }, '2024-05-01T10:00:00.000Z', id);
  };
  const ana = buildReviewPackage(
    { documents: [doc], annotations: [tag('Ana', 'the port was attacked', 'claim', 'a1'), tag('Ana', 'Russia denied it', 'denial', 'a2'), tag('Ana', 'Nobody confirmed the damage', 'unverified', 'a3')] },
    { annotator: 'Ana', origin: 'aaaa-machine' },
    new Date('2024-05-02T10:00:00Z'),
  );
  const ben = buildReviewPackage(
    { documents: [doc], annotations: [tag('Ben', 'the port was attacked', 'claim', 'b1'), tag('Ben', 'Russia denied it', 'claim', 'b2')] },
    { annotator: 'Ben', origin: 'bbbb-machine' },
    new Date('2024-05-02T11:00:00Z'),
  );
  return [ana, ben].map((p) => ({ name: p.fileName, mimeType: 'application/x-ndjson', buffer: Buffer.from(p.data) }));
}

async function importTeamWork(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: "Import teammates' work…" }).click();
  await (await chooser).setFiles(files);
}

async function download(page: Page, click: () => Promise<void>) {
  const downloading = page.waitForEvent('download');
  await click();
  const d = await downloading;
  const { readFile } = await import('node:fs/promises');
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

test('a lead imports two teammates’ packages, sees disagreements and agreement, adjudicates and exports gold', async ({ page, browser }) => {
  test.setTimeout(90_000); // the whole flow, on a shared 2-core machine
  await firstRun(page, 'Lead Reviewer');
  const files = await packages();
  expect(files.map((f) => f.name)).toEqual(['factmark-review-Ana-2024-05-02.jsonl', 'factmark-review-Ben-2024-05-02.jsonl']);
  await importTeamWork(page, files);

  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('list', { name: 'Imported packages' })).toContainText('layer "Ana". 3 annotations added');
  await expect(report.getByRole('list', { name: 'Imported packages' })).toContainText('layer "Ben". 2 annotations added');
  await expect(report.getByRole('button', { name: 'Cancel' })).toHaveCount(0); // a report has one way out
  await report.getByRole('button', { name: 'Close' }).click();

  // the same packages again change nothing: nothing is duplicated
  await importTeamWork(page, files);
  await expect(report.getByRole('list', { name: 'Imported packages' })).toContainText('0 annotations added, 0 updated, 0 deleted, 3 unchanged');
  await report.getByRole('button', { name: 'Close' }).click();

  await openArticle(page, TITLE);
  // the library's Adjudication column follows review mode at once (no reload, no reopening)
  const row = articleRows(page).filter({ hasText: TITLE });
  await expect(row.getByRole('cell', { name: 'Not started' })).toBeVisible();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('complementary', { name: 'Review' });
  const layers = review.getByRole('group', { name: 'Layers' });
  await expect(layers.getByRole('checkbox', { name: /Ana \(3\)/ })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: /Ben \(2\)/ })).toBeChecked();

  const disagreements = review.getByRole('region', { name: 'Disagreements' });
  await expect(disagreements).toContainText('Different label: 1 · Different boundaries: 0 · Missing in some layers: 1');
  await expect(disagreements.getByRole('listitem')).toHaveCount(2);
  const stacked = review.getByRole('region', { name: 'Stacked view' });
  await expect(stacked.getByRole('group', { name: /^Ana: Denial “Russia denied it”/ })).toBeVisible();
  await expect(stacked.getByRole('group', { name: /^Ben: Claim “Russia denied it”/ })).toBeVisible();

  // the reader marks each visible layer's spans with its initials (and colour): Ana's three, Ben's two
  const marks = page.getByRole('group', { name: 'Layer marks' });
  await expect(marks.getByRole('img', { name: /^Ana: / })).toHaveCount(3);
  await expect(marks.getByRole('img', { name: /^Ben: / })).toHaveCount(2);
  await expect(marks.getByRole('img', { name: 'Ben: claim “Russia denied it”' })).toHaveText('BE');
  await expect(marks.getByRole('img', { name: 'Ana: denial “Russia denied it”' })).toHaveText('AN');
  const claimHighlights = () => page.evaluate(() => CSS.highlights.get('fm-claim')?.size ?? 0);
  await expect.poll(claimHighlights).toBe(3);
  await page.screenshot({ path: test.info().outputPath('review-layers.png') });

  // hiding a layer hides its highlights, its marks and its disagreements
  await layers.getByRole('checkbox', { name: /Ben/ }).uncheck();
  await expect(disagreements.getByRole('listitem')).toHaveCount(0);
  await expect(marks.getByRole('img', { name: /^Ben: / })).toHaveCount(0);
  await expect(marks.getByRole('img', { name: /^Ana: / })).toHaveCount(3);
  await expect.poll(claimHighlights).toBe(1);
  await expect(stacked.getByRole('group', { name: /^Ben:/ })).toHaveCount(0);
  await layers.getByRole('checkbox', { name: /Ben/ }).check();
  await expect.poll(claimHighlights).toBe(3);

  // side by side: the annotators' spans in columns, line by line; a span selects it in the reader
  await review.getByRole('radio', { name: 'Side by side' }).check();
  const sideBySide = review.getByRole('region', { name: 'Side by side view' });
  await expect(stacked).toBeHidden();
  await expect(sideBySide.getByRole('columnheader')).toHaveText([/Ana/, /Ben/, /Gold/]);
  await expect(sideBySide.getByRole('rowheader', { name: 'Russia denied it on Tuesday.' })).toBeVisible();
  await expect(sideBySide.getByRole('button', { name: 'Ana: Denial “Russia denied it”' })).toBeVisible();
  await expect(sideBySide.getByRole('button', { name: 'Ben: Claim “Russia denied it”' })).toBeVisible();
  await expect(sideBySide.getByRole('button', { name: /^Ben: / })).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('review-side-by-side.png') });
  await review.getByRole('radio', { name: 'Stacked' }).check();
  await expect(stacked).toBeVisible();

  // N steps to the first disagreement (keyboard), and the reader announces it
  await page.getByRole('heading', { name: TITLE }).click();
  await page.keyboard.press('n');
  await expect(page.getByRole('status')).toContainText('Disagreement 1 of 2: different label, “Russia denied it”');
  await expect(disagreements.getByRole('button', { name: /Different label/ })).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: test.info().outputPath('review-mode.png') });

  const adjudicate = review.getByRole('region', { name: 'Adjudicate' });
  await adjudicate.getByRole('textbox', { name: 'Reason' }).fill('Russia rejects the report: a denial');
  await adjudicate.getByRole('button', { name: 'Accept AN denial' }).click();
  await expect(page.getByRole('status')).toContainText('Accepted Ana’s denial “Russia denied it” into gold.');
  await expect(row.getByRole('cell', { name: 'In progress' })).toBeVisible();
  await adjudicate.getByRole('textbox', { name: 'Reason' }).fill('Not a claim');
  await adjudicate.getByRole('button', { name: 'Reject BE claim' }).click();
  await review.getByRole('button', { name: 'Accept all agreed spans' }).click();
  await expect(page.getByRole('status')).toContainText('Accepted 1 agreed span into gold.');
  const gold = review.getByRole('region', { name: 'Gold' });
  await expect(gold.getByRole('listitem')).toHaveCount(2);
  await expect(gold).toContainText('Russia rejects the report: a denial');
  await expect(review.getByRole('combobox', { name: 'Adjudication' })).toHaveValue('in-progress');
  await review.getByRole('combobox', { name: 'Adjudication' }).selectOption('done');
  await expect(row.getByRole('cell', { name: 'Done' })).toBeVisible();

  // the agreement dashboard
  // the article goes into a collection (library's selection bar), for the agreement per collection
  await page.getByRole('checkbox', { name: `Select ${TITLE}`, exact: true }).check();
  await page.getByRole('toolbar', { name: 'Selected articles' }).getByRole('button', { name: 'Add to collection…' }).click();
  await page.getByRole('dialog', { name: 'Add to collection' }).getByRole('combobox', { name: 'Collection' }).fill('Black Sea');
  await page.getByRole('dialog', { name: 'Add to collection' }).getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('status')).toContainText('Added 1 article to “Black Sea”.');

  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const agreement = page.getByRole('region', { name: 'Agreement' });
  await agreement.getByRole('combobox', { name: 'Scope' }).selectOption('library');
  await expect(agreement.getByRole('table', { name: 'Cohen’s κ by annotator pair' })).toBeVisible();
  await expect(agreement.getByRole('table', { name: 'Cohen’s κ by annotator pair' }).getByRole('row')).toHaveCount(3);
  await expect(agreement).toContainText('Fleiss’ κ (tokens)');
  await expect(agreement.getByRole('list', { name: 'Per label' }).getByRole('listitem')).toHaveCount(3);
  await expect(agreement.getByRole('list', { name: 'Worst articles first' })).toContainText(TITLE);
  // span labels over spans matched by overlap: Ana's denial is Ben's claim; Ben has nothing for Ana's unverified
  const spanConfusion = agreement.getByRole('table', { name: 'Span label confusion Ana × Ben' });
  await expect(spanConfusion.getByRole('columnheader')).toHaveText(['claim', 'denial', 'unverified', 'none']);
  await expect(spanConfusion.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'claim', exact: true }) }).getByRole('cell')).toHaveText(['1', '0', '0', '0']);
  await expect(spanConfusion.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'denial', exact: true }) }).getByRole('cell')).toHaveText(['1', '0', '0', '0']);
  await expect(spanConfusion.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'unverified', exact: true }) }).getByRole('cell')).toHaveText(['0', '0', '0', '1']);
  // the library's figures per collection, and one collection on its own
  await expect(agreement.getByRole('table', { name: 'Per collection' }).getByRole('row', { name: /^Black Sea/ })).toContainText('1 of 1');
  await page.screenshot({ path: test.info().outputPath('agreement.png') });
  const csv = await download(page, () => agreement.getByRole('button', { name: 'Export agreement CSV' }).click());
  expect(csv.text.split('\r\n')[0]).toBe('scope,document_id,title,label,annotator_a,annotator_b,metric,value');
  expect(csv.text).toContain('pair,,,,Ana,Ben,token_cohen_kappa,');
  expect(csv.text).toContain('pair,,,,Ana,Ben,span_confusion_denial_claim,1\r\n');
  expect(csv.text).toContain('collection,,Black Sea,,,,documents_compared,1\r\n');
  const json = JSON.parse((await download(page, () => agreement.getByRole('button', { name: 'Export agreement JSON' }).click())).text);
  expect(json.annotators).toEqual(['Ana', 'Ben']);
  expect(json.perPair[0].spanConfusion).toEqual([
    [1, 0, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 1],
    [0, 0, 0, 0],
  ]);
  await agreement.getByRole('combobox', { name: 'Scope' }).selectOption('collection');
  await agreement.getByRole('combobox', { name: 'Collection' }).selectOption('Black Sea');
  await expect(agreement.getByRole('table', { name: 'Span label confusion Ana × Ben' })).toBeVisible();
  const collectionJson = JSON.parse((await download(page, () => agreement.getByRole('button', { name: 'Export agreement JSON' }).click())).text);
  expect(collectionJson.scope).toEqual({ kind: 'collection', collection: 'Black Sea' });
  await agreement.getByRole('combobox', { name: 'Scope' }).selectOption('library');

  // export the gold layer (native) and the whole adjudicated dataset
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export dataset' });
  await exportDialog.getByRole('radio', { name: 'Gold' }).check();
  const goldFile = await download(page, () => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
  const lines = goldFile.text.trim().split('\n').map((l) => JSON.parse(l));
  const anns = lines.slice(1).flatMap((d) => d.annotations);
  expect(anns.map((a: Annotation) => [a.label, a.quote, a.layer, a.decision?.action])).toEqual([
    ['claim', 'the port was attacked', 'gold', 'accept'],
    ['denial', 'Russia denied it', 'gold', 'accept'],
  ]);
  expect(anns[1].decision.reason).toBe('Russia rejects the report: a denial');
  expect(lines[1].adjudication).toBe('done');

  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog.getByRole('radio', { name: 'All annotators' }).check();
  const everything = await download(page, () => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
  const doc = JSON.parse(everything.text.trim().split('\n')[1]!);
  expect(doc.annotations).toHaveLength(7);
  expect(doc.rejections).toEqual([expect.objectContaining({ id: 'b2', reviewer: 'Lead Reviewer', reason: 'Not a claim' })]);

  // a fresh profile imports the gold dataset
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await firstRun(other, 'Carla Consumer');
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Import dataset…' }).click();
  await (await chooser).setFiles({ name: goldFile.name, mimeType: 'application/x-ndjson', buffer: Buffer.from(goldFile.text) });
  await expect(other.getByRole('status')).toContainText('Imported 1 new article and 2 annotations');
  await openArticle(other, TITLE);
  await other.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(other.getByRole('complementary', { name: 'Review' }).getByRole('region', { name: 'Gold' }).getByRole('listitem')).toHaveCount(2);
  await fresh.close();
});

test('an analyst who imports the adjudicated package sees what the reviewer did with each of their spans, and why', async ({ page, browser }) => {
  test.setTimeout(90_000); // two profiles and the whole round trip
  // Ben tags the article on his machine and sends it with "Export for review"
  const benContext = await browser.newContext();
  const ben = await benContext.newPage();
  await firstRun(ben, 'Ben');
  await pasteArticle(ben, TITLE, TEXT);
  for (const quote of ['the port was attacked', 'Russia denied it', 'Nobody confirmed the damage']) {
    await dragSelect(ben, quote);
    await tagButton(ben, 'Claim').click();
    await expect(ben.getByRole('status')).toContainText(`Tagged “${quote}” as claim.`);
  }
  const benPackage = await download(ben, () => ben.getByRole('button', { name: 'Export for review' }).click());
  expect(benPackage.name).toMatch(/^factmark-review-Ben-\d{4}-\d{2}-\d{2}\.jsonl$/);

  // the lead imports Ana's and Ben's packages and adjudicates Ben's three spans
  await firstRun(page, 'Lead Reviewer');
  const [ana] = await packages();
  await importTeamWork(page, [ana!, { name: benPackage.name, mimeType: 'application/x-ndjson', buffer: Buffer.from(benPackage.text) }]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('list', { name: 'Imported packages' })).toContainText('layer "Ben". 3 annotations added');
  await report.getByRole('button', { name: 'Close' }).click();
  await openArticle(page, TITLE);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const review = page.getByRole('complementary', { name: 'Review' });
  const disagreements = review.getByRole('region', { name: 'Disagreements' });
  const adjudicate = review.getByRole('region', { name: 'Adjudicate' });
  await review.getByRole('button', { name: 'Accept all agreed spans' }).click();
  await expect(page.getByRole('status')).toContainText('Accepted 1 agreed span into gold.');

  await disagreements.getByRole('button', { name: /Different label.*Russia denied it/ }).click();
  await adjudicate.getByRole('textbox', { name: 'Reason' }).fill('Russia rejects the report: a denial, not a claim');
  await adjudicate.getByRole('button', { name: 'Reject BE claim' }).click();
  await expect(page.getByRole('status')).toContainText('Rejected Ben’s claim “Russia denied it”.');

  await disagreements.getByRole('button', { name: /Different label.*Nobody confirmed the damage/ }).click();
  await dragSelect(page, 'Nobody confirmed the damage');
  await adjudicate.getByRole('combobox', { name: 'Gold label' }).selectOption('unverified');
  await adjudicate.getByRole('textbox', { name: 'Reason' }).fill('Nobody confirmed it: unverified');
  await adjudicate.getByRole('button', { name: 'Add selection to gold' }).click();
  await expect(page.getByRole('status')).toContainText('Added unverified “Nobody confirmed the damage” to gold.');

  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const adjudicated = await download(page, () => page.getByRole('region', { name: 'Agreement' }).getByRole('button', { name: 'Export adjudicated package' }).click());

  // back on Ben's machine: his own layer is left as it is, and review mode says what became of each span and why
  const chooser = ben.waitForEvent('filechooser');
  await ben.getByRole('button', { name: "Import teammates' work…" }).click();
  await (await chooser).setFiles({ name: adjudicated.name, mimeType: 'application/x-ndjson', buffer: Buffer.from(adjudicated.text) });
  const benReport = ben.getByRole('dialog', { name: 'Import report' });
  await expect(benReport.getByRole('list', { name: 'Imported packages' })).toBeVisible();
  await expect(benReport.getByRole('list', { name: 'Reviewer’s decisions on your work' })).toHaveText(
    '“Port attack report”: 1 accepted, 1 edited, 1 rejected. Open it and choose Review to see the reasons.',
  );
  await benReport.getByRole('button', { name: 'Close' }).click();
  // the lead's progress on the article shows in Ben's library too
  await expect(articleRows(ben).filter({ hasText: TITLE }).getByRole('cell', { name: 'In progress' })).toBeVisible();
  await ben.getByRole('button', { name: 'Review', exact: true }).click();
  const decisions = ben.getByRole('complementary', { name: 'Review' }).getByRole('region', { name: 'Reviewer’s decisions on your work' });
  await expect(decisions.getByRole('listitem')).toHaveText([
    'Accepted: Claim “the port was attacked” — All annotators agreed.',
    'Rejected: Claim “Russia denied it” — Russia rejects the report: a denial, not a claim',
    'Edited: Claim “Nobody confirmed the damage” (label claim → unverified) — Nobody confirmed it: unverified',
  ]);
  // his own spans are still his, once each (nothing duplicated by his work coming back)
  await expect(ben.getByRole('complementary', { name: 'Review' }).getByRole('group', { name: 'Layers' }).getByRole('checkbox', { name: /Ben \(3\)/ })).toBeChecked();
  await ben.screenshot({ path: test.info().outputPath('analyst-decisions.png') });
  await benContext.close();
});

test('Import teammates’ folder… imports every package in a folder and its subfolders and names what it left out', async ({ page }) => {
  const [ana, ben] = await packages();
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'fm-review-')), 'team');
  mkdirSync(path.join(root, 'week2'), { recursive: true });
  writeFileSync(path.join(root, ana!.name), ana!.buffer);
  writeFileSync(path.join(root, 'week2', ben!.name), ben!.buffer);
  writeFileSync(path.join(root, 'week2', 'old.zip'), zipSync({ [ben!.name]: new Uint8Array(ben!.buffer) }));
  writeFileSync(path.join(root, 'notes.txt'), 'who reviews what');
  await firstRun(page, 'Lead Reviewer');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: "Import teammates' folder…" }).click();
  await (await chooser).setFiles(root);
  const report = page.getByRole('dialog', { name: 'Import report' });
  const imported = report.getByRole('list', { name: 'Imported packages' });
  await expect(imported.getByRole('listitem')).toHaveCount(2);
  await expect(imported).toContainText('layer "Ana". 3 annotations added');
  await expect(imported).toContainText('layer "Ben". 2 annotations added');
  await expect(report.getByRole('list', { name: 'Warnings' })).toContainText('1 other file in the folder is not a review package and was left out.');
  await expect(report.getByRole('list', { name: 'Not imported' })).toHaveText(/Could not import team\/week2\/old\.zip: zips inside a folder are not opened/);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(articleRows(page)).toHaveCount(1);
});

test('bad packages get clear messages and change nothing', async ({ page }) => {
  await firstRun(page, 'Lead Reviewer');
  const [ana] = await packages();
  await importTeamWork(page, [ana!]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(articleRows(page)).toHaveCount(1);

  // another product's file, a broken package, a damaged zip and an empty file, all at once
  await importTeamWork(page, [
    { name: 'damaged.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not really a zip') },
    { name: 'empty.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.alloc(0) },
    { name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from('[{"data":{"text":"x"},"annotations":[]}]') },
    { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"format":"factmark","schemaVersion":1,"offsetUnit":"codepoint"}\n{"id": ') },
  ]);
  const notImported = report.getByRole('list', { name: 'Not imported' });
  await expect(notImported.getByRole('listitem')).toHaveCount(4);
  await expect(notImported).toContainText('Could not import tasks.json: it looks like Label Studio tasks (JSON), not a Factmark review package.');
  await expect(notImported).toContainText('Could not import broken.jsonl: no article could be read');
  await expect(notImported).toContainText('Could not import damaged.zip: ');
  await expect(notImported).toContainText('Could not import empty.jsonl: the file is empty.');
  await expect(report.getByRole('list', { name: 'Imported packages' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('bad-packages.png') });
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Nothing was imported; the library is unchanged\. 4 files could not be imported: see the import report\./);

  // the library is as it was: one article, Ana's three annotations, no other layer
  await expect(articleRows(page)).toHaveCount(1);
  await openArticle(page, TITLE);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const layers = page.getByRole('complementary', { name: 'Review' }).getByRole('group', { name: 'Layers' });
  await expect(layers.getByRole('checkbox')).toHaveCount(2);
  await expect(layers.getByRole('checkbox', { name: /Ana \(3\)/ })).toBeChecked();
  await expect(layers.getByRole('checkbox', { name: /Gold \(0\)/ })).toBeChecked();
});
