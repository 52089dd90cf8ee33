/** Saves `blob` as a download named `name` (the browser's own save, no new tab). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The server's name for a file it answers with, or `fallback` when it gives none. */
export const fileName = (filename: string, fallback: string) =>
  filename === 'export' ? fallback : filename;
