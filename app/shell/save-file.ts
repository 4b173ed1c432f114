/** Saves a text (JSON) or a Blob (a picture) as a file through a Blob URL, revoked once the download has started. */
export function saveFile(name: string, content: string | Blob) {
  const blob = typeof content === 'string' ? new Blob([content], { type: 'application/json' }) : content;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
