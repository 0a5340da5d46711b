import { render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { pageClaim, record, seedClaims } from '../../components/fixtures';
import { fakeServices } from './fake-services';

// happy-dom has no layout, so rules that measure pixels (contrast, target size) run in the e2e
// test in real Chromium instead; everything structural (names, roles, ARIA, labels) runs here.
const LAYOUT_RULES = ['color-contrast', 'target-size', 'scrollable-region-focusable'];

async function axeViolations() {
  const result = await axe.run(document.body, {
    rules: Object.fromEntries(LAYOUT_RULES.map((id) => [id, { enabled: false }])),
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// axe walks the whole tree; on a busy machine that can outlast the default 5 s test timeout.
describe('popup accessibility (axe-core)', { timeout: 30_000 }, () => {
  it('has no violations with claims, badges, orphans and filters on screen', async () => {
    const claims = seedClaims(['verified', 'disputed']);
    claims[2] = { ...claims[2]!, anchor: 'changed', currentText: 'The discussion started' };
    claims[3] = {
      ...claims[3]!,
      earlier: { claimId: 'o', site: 'wire.example', pageUrl: 'https://wire.example/', pageTitle: 'Wire', status: 'verified', reviewedAt: 0 },
    };
    const orphan = record(pageClaim('g', 'Gone'), { anchor: 'orphaned', status: 'disputed' });
    const { services } = fakeServices({ data: { claims, orphans: [orphan] } });
    render(<App services={services} />);
    await within(await screen.findByRole('list', { name: /Claims on this page/ })).findAllByRole('listitem');
    await screen.findByRole('switch');
    expect(await axeViolations()).toEqual([]);
  });

  it('has no violations in the empty states', async () => {
    const { services } = fakeServices({ data: { kind: 'not-article', claims: [] } });
    render(<App services={services} />);
    await screen.findByRole('heading', { name: /doesn’t look like a news article/ });
    expect(await axeViolations()).toEqual([]);
  });
});
