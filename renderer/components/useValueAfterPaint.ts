import { startTransition, useEffect, useState } from 'react';
import { framePainted } from './framePainted.ts';

/**
 * `value`, as of the last frame painted: a change shows up only once the frame in which it was made has been
 * rendered, as a transition. For a part of the screen that should follow another, not hold it up — the annotation
 * panel follows the reader, so a tag's highlight is painted before the panel's items are re-rendered and laid out.
 * (useDeferredValue starts the deferred render at once, ahead of the frame.) `initial` is shown on the first render.
 */
export function useValueAfterPaint<T>(value: T, initial: T): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => {
    let live = true;
    // in a window that is hidden no frames come: the value is shown after a short while instead
    void framePainted(250).then(() => live && startTransition(() => setShown(() => value)));
    return () => {
      live = false;
    };
  }, [value]);
  return shown;
}
