import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenPresented } from './whenPresented.ts';

/** The element's attributes, as far as whenPresented uses them. */
function fakeElement() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (k: string, v: string) => void attributes.set(k, v),
    removeAttribute: (k: string) => void attributes.delete(k),
  } as unknown as Element & { attributes: Map<string, string> };
}

/** A PerformanceObserver that reports 'element' entries when `report` is called. */
const observers: { callback: (list: { getEntries(): unknown[] }) => void; connected: boolean }[] = [];
class FakeObserver {
  static supportedEntryTypes = ['element'];
  private readonly entry: (typeof observers)[number];
  constructor(callback: (list: { getEntries(): unknown[] }) => void) {
    this.entry = { callback, connected: false };
    observers.push(this.entry);
  }
  observe() {
    this.entry.connected = true;
  }
  disconnect() {
    this.entry.connected = false;
  }
}
const report = (identifier: string) => {
  for (const o of observers) if (o.connected) o.callback({ getEntries: () => [{ identifier }] });
};

describe('whenPresented: the rest of an article waits for its first screen to be on screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    observers.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once the browser reports the element presented, once, and no longer watches', () => {
    const element = fakeElement();
    const then = vi.fn();
    whenPresented(element, then, 250);
    const id = element.attributes.get('elementtiming')!;
    expect(id).toBeTruthy();
    report('someone else');
    expect(then).not.toHaveBeenCalled();
    report(id);
    expect(then).toHaveBeenCalledTimes(1);
    expect(element.attributes.has('elementtiming')).toBe(false);
    expect(observers.every((o) => !o.connected)).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback when nothing is reported (no text painted, a hidden window)', () => {
    const then = vi.fn();
    whenPresented(fakeElement(), then, 250);
    vi.advanceTimersByTime(249);
    expect(then).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('runs after the fallback where the browser has no Element Timing', () => {
    vi.stubGlobal('PerformanceObserver', class { static supportedEntryTypes = ['mark'] });
    const element = fakeElement();
    const then = vi.fn();
    whenPresented(element, then, 250);
    expect(element.attributes.has('elementtiming')).toBe(false);
    vi.advanceTimersByTime(250);
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled (the article was closed first)', () => {
    const element = fakeElement();
    const then = vi.fn();
    const cancel = whenPresented(element, then, 250);
    const id = element.attributes.get('elementtiming')!;
    cancel();
    report(id);
    vi.advanceTimersByTime(1000);
    expect(then).not.toHaveBeenCalled();
    expect(element.attributes.has('elementtiming')).toBe(false);
  });
});
