import { describe, expect, it } from 'vitest';
import { NdjsonSplitter, readNdjson } from './ndjson';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function split(chunks: (string | Uint8Array)[]): string[] {
  const lines: string[] = [];
  const splitter = new NdjsonSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? bytes(chunk) : chunk);
  splitter.end();
  return lines;
}

describe('NdjsonSplitter', () => {
  it('joins a line split across chunks', () => {
    expect(split(['{"id":"a","ans', 'wer":1}\n'])).toEqual(['{"id":"a","answer":1}']);
  });

  it('hands over every line of a chunk holding several', () => {
    expect(split(['{"id":"a"}\n{"id":"b"}\n{"id":', '"c"}\n'])).toEqual(['{"id":"a"}', '{"id":"b"}', '{"id":"c"}']);
  });

  it('hands a line over as soon as its newline arrives, before the stream ends', () => {
    const lines: string[] = [];
    const splitter = new NdjsonSplitter((line) => lines.push(line));
    splitter.push(bytes('{"id":"a"}\n{"id"'));
    expect(lines).toEqual(['{"id":"a"}']);
  });

  it('keeps the last line when it has no newline', () => {
    expect(split(['{"id":"a"}\n{"id":"b"}'])).toEqual(['{"id":"a"}', '{"id":"b"}']);
  });

  it('skips blank lines and carriage returns', () => {
    expect(split(['{"id":"a"}\r\n\n', '\n{"id":"b"}\r\n'])).toEqual(['{"id":"a"}', '{"id":"b"}']);
  });

  it('decodes a character whose bytes are split across chunks', () => {
    const line = bytes('{"id":"café"}\n');
    const cut = line.indexOf(0xc3) + 1;
    expect(split([line.slice(0, cut), line.slice(cut)])).toEqual(['{"id":"café"}']);
  });
});

describe('readNdjson', () => {
  it('reads a stream to its end', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"id":"a"}\n{"id":"b","er'));
        controller.enqueue(bytes('ror":{"detail":"No."}}\n{"id":"c"}'));
        controller.close();
      },
    });
    const lines: string[] = [];

    await readNdjson(body, (line) => lines.push(line));

    expect(lines).toEqual(['{"id":"a"}', '{"id":"b","error":{"detail":"No."}}', '{"id":"c"}']);
  });

  it('stops reading when cancelled, without handing over the unfinished line', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"id":"a"}\n{"id":"b"'));
      },
    });
    const controller = new AbortController();
    const lines: string[] = [];

    const reading = readNdjson(body, (line) => {
      lines.push(line);
      controller.abort();
    }, controller.signal);

    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(lines).toEqual(['{"id":"a"}']);
  });
});
