/** What the Node-side scenarios need from shared/, bundled by run.mjs with esbuild. */
export { FORMATS } from '../shared/formats/index.ts';
export { agreementReport, tokenBounds } from '../shared/agreement/index.ts';
export * from './data.ts';
