/** Katakana/hiragana, full/half width, case and spaces do not matter when searching a name. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

/** 15000 → 15,000 (both languages group digits the same way). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
