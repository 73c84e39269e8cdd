import { chromium, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSamples, annotationItems, dragSelect, firstRun, openArticle } from './helpers.ts';

/** Kills every process of the Chromium that uses this profile directory, as a crash or power cut would. */
function killBrowser(profile: string) {
  const pids = execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profile}`]).toString().trim().split('\n').map(Number);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone with its parent
    }
  }
}

test('annotations shown before the browser is killed with SIGKILL are all there after restart', async ({ baseURL }, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'factmark-crash-'));
  const launch = () => chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL, viewport: { width: 1360, height: 860 } });
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await firstRun(page);
    await addSamples(page);
    await openArticle(page, /Kaspiysk/);
    await dragSelect(page, 'A port was attacked in Kaspiysk, Russia');
    await page.keyboard.press('1');
    await dragSelect(page, 'Newsweek could not independently verify the footage.');
    await page.keyboard.press('3');
    await expect(annotationItems(page)).toHaveCount(2);
    // the moment it is shown, pull the plug
    killBrowser(profile);
    await first.close().catch(() => undefined);

    const second = await launch();
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('./');
    await openArticle(again, /Kaspiysk/);
    await expect(annotationItems(again)).toHaveCount(2);
    await expect(annotationItems(again).getByRole('button', { name: /^(Claim|Unverified):/ })).toHaveText([
      /A port was attacked in Kaspiysk, Russia/,
      /Newsweek could not independently verify the footage\./,
    ]);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
