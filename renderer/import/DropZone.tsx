/**
 * Drop files or folders anywhere on the library to import them. While files are dragged over it, the library is
 * covered by a notice saying what it accepts. (The keyboard path is the Import files… and Import folder… buttons.)
 */
import { useRef, useState, type ReactNode } from 'react';
import type { PickedFile } from '../../shared/platform.ts';
import { dragHasFiles, filesFromDrop } from './drop.ts';
import './import.css';

export const DROP_HINT = 'Drop files or folders to import them: text (.txt), Markdown (.md), saved web pages (.html) and JSONL corpora (.jsonl).';

export function DropZone({ onDrop, children }: { onDrop(files: Promise<PickedFile[]>): void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them so the notice does not flicker.
  const depth = useRef(0);
  return (
    <div
      className="drop-zone"
      onDragEnter={(e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        onDrop(filesFromDrop(e.dataTransfer));
      }}
    >
      {children}
      {over ? (
        <div className="drop-notice" role="status">
          <p>{DROP_HINT}</p>
        </div>
      ) : null}
    </div>
  );
}
