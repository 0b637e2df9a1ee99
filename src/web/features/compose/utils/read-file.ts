/**
 * A File → base64 without freezing the page: the browser reads and encodes each slice natively (FileReader), one
 * slice at a time, yielding to the event loop between slices. Slices are a multiple of 3 bytes, so the pieces'
 * base64 concatenates into the whole file's base64 without padding in the middle.
 */
const SLICE_BYTES = 3 * 512 * 1024; // 1.5 MB

function readSliceAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}

export async function readFileAsBase64(
  file: Blob,
  onProgress?: (readBytes: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const parts: string[] = [];
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    if (signal?.aborted) throw new DOMException('Reading was cancelled', 'AbortError');
    parts.push(await readSliceAsBase64(file.slice(offset, offset + SLICE_BYTES)));
    onProgress?.(Math.min(file.size, offset + SLICE_BYTES));
  }
  return parts.join('');
}
