/**
 * Which row the reader opens after the open message is archived, moved or deleted: the next row of the list that
 * is not going away, else the nearest one before it (the removed message was last), else none. Only rows already
 * loaded count (`rowAt` gives undefined for a row whose page has not arrived): opening a placeholder would open
 * nothing. Works on the list as it was before the removal, so indexes are the ones the user saw.
 */
export function nextAfterRemoval<Row>(
  count: number,
  rowAt: (index: number) => Row | undefined,
  openIndex: number | null,
  isRemoved: (row: Row) => boolean,
): Row | null {
  if (openIndex === null) return null;
  for (let i = openIndex + 1; i < count; i++) {
    const row = rowAt(i);
    if (row === undefined) break;
    if (!isRemoved(row)) return row;
  }
  for (let i = Math.min(openIndex, count) - 1; i >= 0; i--) {
    const row = rowAt(i);
    if (row === undefined) break;
    if (!isRemoved(row)) return row;
  }
  return null;
}
