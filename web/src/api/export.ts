import { postForResponse } from './client';
import type { QuerySpec } from './query-types';

/**
 * `POST /api/export/csv`: the answer of a spec as a CSV file, downloaded under the name the server gives it
 * (`<name>-<from>-<to>.csv`).
 */
export async function exportCsv(spec: QuerySpec, name: string, signal?: AbortSignal): Promise<string> {
  const response = await postForResponse('/api/export/csv', { spec, name }, 'text/csv', signal ? { signal } : {});
  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? `${name}.csv`;
  download(await response.blob(), fileName);
  return fileName;
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename="…"`). */
export function fileNameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding: fall back to the plain file name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  const value = (plain?.[2] ?? plain?.[1])?.trim();
  return value ? value : null;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the browser's download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
