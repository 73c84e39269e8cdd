/** The reader's chunk (renderer/parts): what the app shell uses of it. */
export { DocumentView } from '../reader/DocumentView.tsx';
