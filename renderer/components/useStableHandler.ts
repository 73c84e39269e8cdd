import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps its identity for the life of the component and always calls the latest `fn`: memoised
 * children given it as a prop are not re-rendered because their parent re-rendered.
 */
export function useStableHandler<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
