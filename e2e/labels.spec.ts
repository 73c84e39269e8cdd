import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { annotationItems, articleTable, dragSelect, firstRun, openArticle, pasteArticle } from './helpers.ts';

const TEXT = 'Kyiv said the port was hit. Moscow denied it. The paper later withdrew the story entirely.';

/** Settings › Edit label set… : the "Label set" dialog. */
async function openLabelSet(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Edit label set…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Label set' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeSettings(page: Page) {
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();
}

/** Adds "Retraction" with key 4 and a guideline, and saves the set. */
async function addRetraction(page: Page) {
  const dialog = await openLabelSet(page);
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).last().fill('Retraction');
  await dialog.getByLabel('Colour').last().fill('#0f766e');
  await dialog.getByRole('textbox', { name: 'Key' }).last().fill('4');
  await dialog.getByRole('textbox', { name: 'Description' }).last().fill('The outlet withdrawing an earlier report.');
  await page.screenshot({ path: test.info().outputPath('label-set.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Label set saved.');
  await closeSettings(page);
}

/** Adds "Retraction", tags the last sentence with it and exports the library as Factmark JSONL; returns the file's path. */
async function exportTaggedRetraction(page: Page): Promise<string> {
  await addRetraction(page);
  await dragSelect(page, 'The paper later withdrew the story entirely.');
  await page.keyboard.press('4');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Factmark JSONL' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  return (await (await downloading).path())!;
}

/** Ben, in a fresh profile (the default label set), imports that file, is told of the new label and opens "Port". */
async function importAsBen(browser: Browser, file: string): Promise<Page> {
  const other = await (await browser.newContext()).newPage();
  await firstRun(other, 'Ben');
  const choosing = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Import dataset…' }).click();
  await (await choosing).setFiles({ name: 'port.factmark.jsonl', mimeType: 'application/jsonl', buffer: await readFile(file) });
  await expect(other.getByRole('status')).toContainText('New label in the label set: Retraction.');
  await openArticle(other, 'Port');
  return other;
}

test.beforeEach(async ({ page }) => {
  await firstRun(page);
  await pasteArticle(page, 'Port', TEXT);
});

test('a label added in the label set tags with its key, is painted, listed, counted and explained by its tooltip', async ({ page }) => {
  await addRetraction(page);
  const toolbar = page.getByRole('toolbar', { name: 'Tags' });
  const button = toolbar.getByRole('button', { name: 'Retraction' });
  await expect(button).toHaveAttribute('title', 'The outlet withdrawing an earlier report. (key 4)');
  await expect(button).toHaveAccessibleDescription('The outlet withdrawing an earlier report.');
  await expect(toolbar.getByRole('button', { name: 'Claim' })).toHaveAccessibleDescription(/assertion attributed to a party/);

  await dragSelect(page, 'The paper later withdrew the story entirely.');
  await page.keyboard.press('4');
  await expect(annotationItems(page)).toHaveCount(1);
  const item = annotationItems(page).first();
  await expect(item.getByRole('button', { name: 'Retraction: The paper later withdrew the story entirely.' })).toBeVisible();
  await expect(item.getByRole('combobox', { name: 'Label' })).toHaveValue('retraction');
  const painted = await page.evaluate(() =>
    Array.from((CSS.highlights.get('fm-retraction') ?? []) as Iterable<AbstractRange>, (r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  );
  expect(painted).toEqual(['The paper later withdrew the story entirely.']);
  // the library has a count column for it
  await expect(articleTable(page).getByRole('columnheader', { name: 'Retraction' })).toBeVisible();
  await expect(articleTable(page).getByRole('cell', { name: '1 retraction' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('tagged.png') });

  // the set belongs to the library: it is there after a reload
  await page.reload();
  await openArticle(page, 'Port');
  await expect(page.getByRole('toolbar', { name: 'Tags' }).getByRole('button', { name: 'Retraction' })).toBeVisible();
});

test('a key clash or an empty name is refused with a clear message and nothing is saved', async ({ page }) => {
  const dialog = await openLabelSet(page);
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).last().fill('Retraction');
  await dialog.getByRole('textbox', { name: 'Key' }).last().fill('1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Key “1” is used by both “Claim” and “Retraction”; each label needs its own key.');
  await dialog.getByRole('textbox', { name: 'Key' }).last().fill('j');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Key “j” of “Retraction” is already a reader shortcut; choose another.');
  await dialog.getByRole('textbox', { name: 'Key' }).last().fill('4');
  await dialog.getByRole('textbox', { name: 'Name' }).last().fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Label 4 needs a name.');
  await page.screenshot({ path: test.info().outputPath('clash.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await closeSettings(page);
  await expect(page.getByRole('toolbar', { name: 'Tags' }).getByRole('button')).toHaveText([/Claim/, /Denial/, /Unverified/]);
});

test('removing a label in use asks: its annotations are relabelled as another label', async ({ page }) => {
  await addRetraction(page);
  await dragSelect(page, 'The paper later withdrew the story entirely.');
  await page.keyboard.press('4');
  await dragSelect(page, 'Moscow denied it.');
  await page.keyboard.press('4');
  await expect(annotationItems(page)).toHaveCount(2);

  const dialog = await openLabelSet(page);
  await dialog.getByRole('button', { name: 'Remove Retraction' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove label' });
  await expect(remove).toContainText('2 annotations are labelled Retraction. What should happen to them?');
  await remove.getByRole('radio', { name: 'Relabel them as' }).check();
  await remove.getByRole('combobox', { name: 'New label' }).selectOption({ label: 'Denial' });
  await page.screenshot({ path: test.info().outputPath('remove.png') });
  await remove.getByRole('button', { name: 'Remove label' }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Removed the label Retraction; 2 annotations relabelled as Denial.');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await closeSettings(page);

  await expect(page.getByRole('toolbar', { name: 'Tags' }).getByRole('button', { name: 'Retraction' })).toHaveCount(0);
  await expect(annotationItems(page)).toHaveCount(2);
  for (const item of await annotationItems(page).all()) await expect(item.getByRole('combobox', { name: 'Label' })).toHaveValue('denial');
  await expect(articleTable(page).getByRole('cell', { name: '2 denials' })).toBeVisible();
  // the bulk relabel is outside the undo history, so no earlier step can bring the removed label back
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toHaveText('Nothing to undo.');
  for (const item of await annotationItems(page).all()) await expect(item.getByRole('combobox', { name: 'Label' })).toHaveValue('denial');
});

test('removing a label in use can delete its annotations, or be cancelled', async ({ page }) => {
  await addRetraction(page);
  await dragSelect(page, 'The paper later withdrew the story entirely.');
  await page.keyboard.press('4');
  await dragSelect(page, 'Kyiv said the port was hit.');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(2);

  const dialog = await openLabelSet(page);
  await dialog.getByRole('button', { name: 'Remove Retraction' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove label' });
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveCount(4);

  await dialog.getByRole('button', { name: 'Remove Retraction' }).click();
  await remove.getByRole('radio', { name: 'Delete it' }).check();
  await remove.getByRole('button', { name: 'Remove label' }).click();
  await expect(page.getByRole('status')).toHaveText('Removed the label Retraction and deleted its 1 annotation.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await closeSettings(page);
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first().getByRole('combobox', { name: 'Label' })).toHaveValue('claim');
});

test('a native export carries the label set in its header', async ({ page }) => {
  const lines = (await readFile(await exportTaggedRetraction(page), 'utf8')).trim().split('\n');
  const header = JSON.parse(lines[0]!);
  expect(header.labels.map((l: { id: string }) => l.id)).toEqual(['claim', 'denial', 'unverified', 'retraction']);
  expect(header.labels[3]).toMatchObject({ id: 'retraction', name: 'Retraction', key: '4', colour: '#0f766e', description: 'The outlet withdrawing an earlier report.' });
  expect(JSON.parse(lines[1]!).annotations[0]).toMatchObject({ label: 'retraction', quote: 'The paper later withdrew the story entirely.' });
});

test('importing a native file with a label this library lacks adds it (name, key, colour) and reports it', async ({ page, browser }) => {
  const file = await exportTaggedRetraction(page);

  // a fresh profile: the default set only
  const other = await importAsBen(browser, file);
  const button = other.getByRole('toolbar', { name: 'Tags' }).getByRole('button', { name: 'Retraction' });
  await expect(button).toHaveAttribute('aria-keyshortcuts', '4');
  await expect(button).toHaveAccessibleDescription('The outlet withdrawing an earlier report.');
  await expect(annotationItems(other).first().getByRole('button', { name: /^Retraction: / })).toBeVisible();
});

test('the Agreement view measures a custom label: Retraction has its own per-label bar', async ({ page, browser }) => {
  const file = await exportTaggedRetraction(page);

  // Ben imports Ana's work (the set comes with it) and tags the same sentence as a retraction too
  const other = await importAsBen(browser, file);
  await dragSelect(other, 'The paper later withdrew the story entirely.');
  await other.keyboard.press('4');
  await expect(annotationItems(other).filter({ hasText: 'Ben' })).toHaveCount(1);

  await other.getByRole('button', { name: 'Agreement', exact: true }).click();
  const agreement = other.getByRole('region', { name: 'Agreement' });
  await agreement.getByRole('combobox', { name: 'Scope' }).selectOption('library');
  const bars = agreement.getByRole('list', { name: 'Per label' }).getByRole('listitem');
  await expect(bars).toHaveCount(4);
  await expect(bars.filter({ hasText: 'Retraction' })).toHaveAccessibleName('Retraction: F1 1.000');
  await expect(agreement.getByRole('table', { name: 'Span label confusion Ana Analyst × Ben' }).getByRole('columnheader')).toHaveText(['claim', 'denial', 'unverified', 'retraction', 'none']);
  await other.screenshot({ path: test.info().outputPath('agreement-retraction.png'), fullPage: true });
});
