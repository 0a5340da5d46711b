import { render, screen, waitFor } from '@testing-library/preact';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { useLiveQuery } from '../../components/useLiveQuery';

interface Row {
  id: string;
  page: string;
}

const db = new Dexie('use-live-query-test') as Dexie & { rows: EntityTable<Row, 'id'> };
db.version(1).stores({ rows: 'id, page' });

function Count({ page, query = () => db.rows.where('page').equals(page).count() }: { page: string; query?: () => Promise<number> }) {
  const result = useLiveQuery(query, [page]);
  if (result.state === 'loading') return <p>loading</p>;
  if (result.state === 'error') return <p>error: {result.error.message}</p>;
  return <p>count: {result.value}</p>;
}

describe('useLiveQuery', () => {
  afterEach(() => db.rows.clear());

  it('re-renders when the tables it read change', async () => {
    render(<Count page="a" />);
    expect(await screen.findByText('count: 0')).toBeTruthy();
    await db.rows.add({ id: '1', page: 'a' });
    expect(await screen.findByText('count: 1')).toBeTruthy();
    await db.rows.add({ id: '2', page: 'b' });
    await db.rows.add({ id: '3', page: 'a' });
    expect(await screen.findByText('count: 2')).toBeTruthy();
  });

  it('reports errors as a state', async () => {
    render(<Count page="a" query={() => Promise.reject(new Error('blocked'))} />);
    expect(await screen.findByText('error: blocked')).toBeTruthy();
  });

  it('stops querying after unmount', async () => {
    let runs = 0;
    const view = render(
      <Count
        page="a"
        query={() => {
          runs++;
          return db.rows.count();
        }}
      />,
    );
    await screen.findByText('count: 0');
    view.unmount();
    await waitFor(() => expect(document.body.textContent).toBe(''));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = runs;
    await db.rows.add({ id: '9', page: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(before);
  });
});
