import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

/** Completes the first-run screen with the analyst's name. */
export async function firstRun(page: Page, name = 'Ana Analyst') {
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
}

/** The library table, and its article rows (not the header row). The table is virtualised: rows in view only. */
export const articleTable = (page: Page) => page.getByRole('table', { name: 'Articles' });
export const articleRows = (page: Page) => articleTable(page).getByRole('row').filter({ has: page.getByRole('cell') });

export async function addSamples(page: Page) {
  await page.getByRole('button', { name: 'Open sample articles' }).click();
  await expect(articleRows(page)).toHaveCount(5);
}

export async function openArticle(page: Page, title: string | RegExp) {
  await articleTable(page).getByRole('button', { name: title }).click();
  await expect(page.getByRole('document', { name: 'Article text' })).toBeVisible();
}

export async function pasteArticle(page: Page, title: string, text: string) {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste text' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Text' }).fill(text);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/**
 * Screen rectangle of a piece of the article's text: [left, top, right, bottom] of its first and last line boxes.
 * Waits for it to be rendered first: the reader renders the first screen at once and the rest of the text just after.
 */
async function textRect(page: Page, needle: string, from: number, to: number, occurrence: number) {
  await page.waitForFunction(
    ({ needle, occurrence }) => (document.querySelector('[aria-label="Article text"]')?.textContent ?? '').split(needle).length > occurrence + 1,
    { needle, occurrence },
  );
  return page.evaluate(
    ({ needle, from, to, occurrence }) => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n as Text).data;
        for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
          if (seen++ < occurrence) continue;
          const r = document.createRange();
          r.setStart(n, i + from);
          r.setEnd(n, i + to);
          r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
          const rects = Array.from(r.getClientRects()).filter((x) => x.width > 0);
          const first = rects[0]!;
          const last = rects[rects.length - 1]!;
          return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
        }
      }
      throw new Error(`"${needle}" is not in the article`);
    },
    { needle, from, to, occurrence },
  );
}

/**
 * Selects text in the article with a real mouse drag, from character `from` to `to` of the first (or n-th)
 * occurrence of `needle` (default: the whole needle).
 */
export async function dragSelect(page: Page, needle: string, opts: { from?: number; to?: number; occurrence?: number } = {}) {
  const { x1, y1, x2, y2 } = await textRect(page, needle, opts.from ?? 0, opts.to ?? needle.length, opts.occurrence ?? 0);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(x2, y2, { steps: 4 });
  await page.mouse.up();
}

/** Clicks in the middle of a piece of the article's text. */
export async function clickText(page: Page, needle: string, at = Math.floor(needle.length / 2)) {
  const { x1, y1 } = await textRect(page, needle, at, at + 1, 0);
  await page.mouse.click(x1 + 2, y1);
}

export const annotationsRegion = (page: Page) => page.getByRole('region', { name: 'Annotations' });
export const annotationItems = (page: Page) => annotationsRegion(page).getByRole('listitem');
export const tagButton = (page: Page, name: 'Claim' | 'Denial' | 'Unverified') =>
  page.getByRole('toolbar', { name: 'Tags' }).getByRole('button', { name });

/** The texts currently painted by each highlight layer (CSS Custom Highlight API; its ranges may be StaticRanges). */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const text = (r: AbstractRange) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
    const out: Record<string, string[]> = {};
    for (const name of ['fm-claim', 'fm-denial', 'fm-unverified', 'fm-overlap', 'fm-selected', 'fm-flash']) {
      const h = CSS.highlights.get(name);
      out[name] = h ? Array.from(h as unknown as Iterable<AbstractRange>, text).sort() : [];
    }
    return out;
  });
}

/** The label an annotation item shows: its quote button is named "<Label>: <quote>". */
export async function expectItemLabel(item: Locator, label: 'Claim' | 'Denial' | 'Unverified') {
  await expect(item.getByRole('button', { name: new RegExp(`^${label}: `) })).toBeVisible();
  await expect(item.getByRole('combobox', { name: 'Label' })).toHaveValue(label.toLowerCase());
}

/** The annotation item whose quote is exactly this text. */
export const itemWithQuote = (page: Page, quote: string) =>
  annotationItems(page).filter({ has: page.getByRole('button', { name: new RegExp(`^(Claim|Denial|Unverified): ${quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

/** Clicks the button that opens the file chooser and gives it these files. */
export async function chooseFiles(page: Page, button: string, files: Parameters<FileChooser['setFiles']>[0]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

/**
 * Runs `work` with the page's CPU slowed `rate` times (Chromium's DevTools throttling), as on a busy laptop: what
 * the user does must not depend on how fast the app answers.
 */
export async function withSlowCpu<T>(page: Page, rate: number, work: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await work();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
