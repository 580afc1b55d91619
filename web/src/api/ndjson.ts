/**
 * Splits a stream of NDJSON text into lines as the chunks arrive. A chunk may end in the middle of a line (even in
 * the middle of a multi-byte character: the decoder keeps those bytes) or hold several lines; blank lines are
 * skipped, and a last line without a newline counts once the stream ends.
 */
export class NdjsonSplitter {
  private readonly decoder = new TextDecoder();
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  /** Feeds the next bytes of the stream. */
  push(chunk: Uint8Array): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      this.emit(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
  }

  /** The stream ended: the last line, if it had no newline. */
  end(): void {
    this.pending += this.decoder.decode();
    this.emit(this.pending);
    this.pending = '';
  }

  private emit(line: string): void {
    const trimmed = line.trim();
    if (trimmed !== '') this.onLine(trimmed);
  }
}

/**
 * Reads a response body to its end, handing each NDJSON line to `onLine` as soon as it is complete. Cancelling the
 * signal stops the reading at once (rejecting with the signal's reason), whoever produces the stream.
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, onLine: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const splitter = new NdjsonSplitter(onLine);
  const reader = body.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      splitter.push(value);
    }
    splitter.end();
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
