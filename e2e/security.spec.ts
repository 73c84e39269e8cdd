import { expect, test } from '@playwright/test';
import path from 'node:path';
import { addSamples, annotationItems, dragSelect, firstRun, openArticle, articleTable } from './helpers.ts';

test('the app makes no request outside its own origin, breaks no CSP rule and logs no error', async ({ page, baseURL }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });

  await firstRun(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');

  await addSamples(page);
  await openArticle(page, /Kaspiysk/);
  await dragSelect(page, 'A port was attacked in Kaspiysk, Russia');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(annotationItems(page)).toHaveCount(0);

  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(problems).toEqual([]);
  // the page has no Node or Electron internals even in a browser
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
});

test('a hostile saved web page imports as text: no script runs, no request leaves, nothing pops up', async ({ page, baseURL }) => {
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await firstRun(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(path.join(import.meta.dirname, '../renderer/import/fixtures/hostile.html'));
  await expect(articleTable(page)).toContainText('Port authority disputes strike report');
  await openArticle(page, /Port authority disputes strike report/);
  const article = page.getByRole('document', { name: 'Article text' });
  await article.hover();
  await article.getByText('Port authority disputes strike report').first().hover();
  await page.waitForTimeout(500);

  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // nothing executable reached the page: only the reader's own elements are in the article
  expect(await article.locator('script, iframe, form, img, object, embed, [onmouseover], [onclick], a[href^="javascript"]').count()).toBe(0);
  await expect(article).not.toContainText('__pwned');
});
