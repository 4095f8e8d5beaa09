/**
 * Opens a short-lived download link (a presigned GET, valid for minutes) in a new tab: the file's own
 * `Content-Disposition` decides whether the browser shows or saves it. The link is asked for on the click, never
 * kept, so what opens is always a fresh one.
 */
export function openShortLived(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** 1,234,567 bytes → 「1.2 MB」 (KB below a megabyte). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
