/**
 * "Export for review" and "Import teammates' work…" (docs/REVIEW.md): the implementation, loaded with the dataset
 * formats' chunk (renderer/parts); useReviewActions holds the report and calls these.
 */
import type { PickedFile } from '../../shared/platform.ts';
import { readPackageFiles } from '../../shared/review/package.ts';
import { describePlan } from '../../shared/review/plan.ts';
import type { FactmarkDatabase } from '../db/database.ts';
import { installationId, outcomesFor } from '../db/review.ts';
import { exportAdjudicated, exportForReview, importPackages } from '../db/reviewPackages.ts';
import { describeError } from '../errors.ts';
import { platform } from '../platform/index.ts';
import type { ImportReport } from './useReviewActions.ts';
import type { Announce } from '../components/StatusArea.tsx';

export interface ReviewDeps {
  db: FactmarkDatabase;
  annotator: string;
  announce: Announce;
  reload(): Promise<unknown>;
}

async function save(announce: Announce, build: () => Promise<{ fileName: string; data: string }>, what: string): Promise<void> {
  try {
    const pkg = await build();
    const saved = await platform.saveFile({ suggestedName: pkg.fileName, data: new TextEncoder().encode(pkg.data), filters: [{ name: 'Factmark review package', extensions: ['jsonl'] }] });
    announce(saved ? `Saved ${what} as ${pkg.fileName}.` : 'Export cancelled: nothing was saved.');
  } catch (e) {
    announce(`${describeError(e)} Nothing was exported.`, 'error');
  }
}

export const exportReview = ({ db, annotator, announce }: ReviewDeps) => save(announce, () => exportForReview(db, annotator), 'your annotations for review');
export const exportAdjudicatedPackage = ({ db, annotator, announce }: ReviewDeps) =>
  save(announce, () => exportAdjudicated(db, annotator), 'the adjudicated package (every layer, gold and decisions)');

/** Reads the picked packages and applies them; `show` gets the import report. */
export async function importWork({ db, annotator, announce, reload }: ReviewDeps, mode: 'files' | 'folder', show: (report: ImportReport) => void): Promise<void> {
  let picked: PickedFile[];
  try {
    picked =
      mode === 'folder'
        ? await platform.openFolder({ title: 'Import teammates’ work from a folder' })
        : await platform.openFiles({ title: 'Import teammates’ work', filters: [{ name: 'Factmark review packages', extensions: PACKAGE_EXTENSIONS }], multiple: true });
  } catch (e) {
    return announce(describeError(e), 'error');
  }
  if (picked.length === 0) return;
  const { files, unreadable, leftOut } = mode === 'folder' ? packagesInFolder(picked) : { files: picked, unreadable: [], leftOut: 0 };
  if (mode === 'folder' && files.length === 0 && unreadable.length === 0) {
    return announce(`No review packages (${PACKAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')}) in that folder: nothing was imported.`, 'error');
  }
  try {
    // a folder's files are named by their place in it, so two "ana.jsonl" in subfolders stay apart in the report
    const read = await readPackageFiles(files.map((f) => ({ name: f.path ?? f.name, bytes: f.bytes })));
    read.errors.unshift(...unreadable);
    const plans = await importPackages(db, read.packages, { annotator, origin: await installationId(db) });
    await reload();
    const warnings = [
      ...(leftOut ? [`${leftOut} other file${leftOut === 1 ? '' : 's'} in the folder ${leftOut === 1 ? 'is not a review package and was' : 'are not review packages and were'} left out.`] : []),
      ...read.packages.flatMap((p) => p.problems.map((x) => `${p.fileName}${x.line ? ` line ${x.line}` : ''}: ${x.message}`)), ...plans.flatMap((p) => p.warnings),
    ];
    const touched = plans.flatMap((p) => [...p.put.map((a) => a.documentId), ...p.rejections.map((r) => r.documentId)]);
    const yourWork = (await outcomesFor(db, annotator, touched)).map(
      (o) => `“${o.title}”: ${o.accepted} accepted, ${o.edited} edited, ${o.rejected} rejected. Open it and choose Review to see the reasons.`,
    );
    const result: ImportReport = { lines: plans.map(describePlan), warnings, errors: read.errors, orphans: plans.flatMap((p) => p.orphans), yourWork };
    show(result);
    const failed = read.errors.length ? ` ${read.errors.length} file${read.errors.length === 1 ? '' : 's'} could not be imported: see the import report.` : '';
    announce(plans.length ? `Imported ${plans.length} package${plans.length === 1 ? '' : 's'}. See the import report.` : `Nothing was imported; the library is unchanged.${failed}`, plans.length ? 'info' : 'error');
  } catch (e) {
    announce(`${describeError(e)} Nothing was imported.`, 'error');
  }
}

const PACKAGE_EXTENSIONS = ['jsonl', 'ndjson', 'zip'];

/**
 * A folder holds more than packages (notes, articles): only package files are read, the rest is counted; a package
 * the platform would not read (too large, a zip) is reported with its reason, never skipped silently.
 */
function packagesInFolder(picked: PickedFile[]) {
  const files: PickedFile[] = [];
  const unreadable: string[] = [];
  let leftOut = 0;
  for (const f of picked) {
    const isPackage = PACKAGE_EXTENSIONS.some((e) => f.name.toLowerCase().endsWith(`.${e}`));
    if (!isPackage) leftOut++;
    // the folder picker reads article types only (shared/importers/detect.ts), so it hands zips over unread
    else if (f.problem && f.name.toLowerCase().endsWith('.zip')) unreadable.push(`Could not import ${f.path ?? f.name}: zips inside a folder are not opened. Choose it with "Import teammates' work…".`);
    else if (f.problem) unreadable.push(`Could not import ${f.path ?? f.name}: ${f.problem}`);
    else files.push(f);
  }
  return { files, unreadable, leftOut };
}
