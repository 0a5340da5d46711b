/**
 * Saves a Blob through an object URL and an `<a download>` click. This needs no `downloads`
 * permission (one fewer install warning) and works the same in Chrome and Firefox extension pages;
 * the browser's own download UI still asks where to save when the user has set it to.
 */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
