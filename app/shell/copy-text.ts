/**
 * Puts text on the clipboard (Copy link, Copy embed code, a command's Copy): true when
 * the clipboard took it, false where the page may not (not a secure context, or the permission
 * was refused), for the caller to offer the text selected instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
