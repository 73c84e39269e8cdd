import type { FmDocument } from '../../shared/model.ts';
import manifest from '../../samples/index.json';
import { newDocument } from './newDocuments.ts';

// The sample articles ship inside the app bundle, so they work offline and in Electron alike.
const texts = import.meta.glob<string>('../../samples/*.txt', { query: '?raw', import: 'default', eager: true });

export function sampleDocuments(): Promise<FmDocument[]> {
  return Promise.all(
    manifest.map((s) => {
      const text = texts[`../../samples/${s.file}`];
      if (text === undefined) throw new Error(`Sample ${s.file} is missing from the build.`);
      return newDocument(s.title, text, { kind: 'sample', fileName: s.file, outlet: s.outlet, published: s.published });
    }),
  );
}
