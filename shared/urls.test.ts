import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './urls.ts';

describe('isSafeExternalUrl', () => {
  it('accepts http and https links', () => {
    expect(isSafeExternalUrl('https://www.newsweek.com/article')).toBe(true);
    expect(isSafeExternalUrl('http://example.org')).toBe(true);
  });
  it('refuses other schemes and junk', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'app://factmark/index.html', 'ftp://x.org', 'not a url', 'https://']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});
