// Saving a Blob as a file, the way every browser supports: an object URL on an <a download>.

/** `YYYY-MM-DD` of `d` in local time: a file made in the evening is named for the user's day, not UTC's. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can abort the download in some browsers; the browser has taken the data well within a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
