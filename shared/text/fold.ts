/** Lower case without diacritics, so "Kyiv" finds "kyiv" and "cafe" finds "café" (search, the library's order). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
