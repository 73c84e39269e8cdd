/**
 * Resolves once the next frame has been rendered: a task posted from an animation frame callback runs after that
 * frame's style, layout and paint. In a hidden window no frames come, so it resolves after `fallbackMs` instead.
 */
export function framePainted(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
