import { describe, expect, it, vi } from 'vitest';
import { fakeApi, problem } from '../testing/fake-api';
import { exportCsv, fileNameOf } from './export';

describe('fileNameOf', () => {
  it('reads quoted, bare and encoded file names', () => {
    expect(fileNameOf('attachment; filename="sales-2026-01-01-2026-01-31.csv"')).toBe('sales-2026-01-01-2026-01-31.csv');
    expect(fileNameOf('attachment; filename=sales.csv')).toBe('sales.csv');
    expect(fileNameOf(`attachment; filename="x.csv"; filename*=UTF-8''ventes%20%C3%A9t%C3%A9.csv`)).toBe('ventes été.csv');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('exportCsv', () => {
  it('posts the spec and name, and downloads the file under the server name', async () => {
    const csv = new Response('Date,Revenue\n2026-01-01,10\n', {
      status: 200,
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="sales-2026-01-01-2026-01-31.csv"' },
    });
    const api = fakeApi({ 'POST /api/export/csv': csv });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    });

    const fileName = await exportCsv({ metrics: ['revenue'] }, 'sales');

    expect(fileName).toBe('sales-2026-01-01-2026-01-31.csv');
    expect(api.requests[0]).toMatchObject({ method: 'POST', body: { spec: { metrics: ['revenue'] }, name: 'sales' } });
    expect(api.requests[0]?.headers['Accept']).toBe('text/csv');
    expect(clicked).toEqual(['sales-2026-01-01-2026-01-31.csv blob:csv']);
    expect(await (createObjectURL.mock.calls[0]?.[0] as Blob).text()).toBe('Date,Revenue\n2026-01-01,10\n');
  });

  it('rejects with the problem when export is not allowed', async () => {
    fakeApi({ 'POST /api/export/csv': problem(403, { title: 'Forbidden', detail: 'You may not export data.' }) });

    await expect(exportCsv({ metrics: ['revenue'] }, 'sales')).rejects.toMatchObject({ status: 403, message: 'You may not export data.' });
  });
});
