/**
 * Reads a file as a `data:` URI (what the local server and the MSW engine import), reporting progress as a fraction
 * in [0, 1]. Rejects when the browser cannot read the file.
 */
export function readDataUri(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.onload = () => {
      onProgress?.(1);
      resolve(String(reader.result));
    };
    reader.readAsDataURL(file);
  });
}
