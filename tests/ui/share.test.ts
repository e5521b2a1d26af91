import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/engine';
import { MAX_LINK_LENGTH, scenarioFromHash, shareLink } from '../../src/ui/share';
import { mini } from '../fixtures/mini';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('share links', () => {
  it('carry a small scenario in the URL fragment and bring it back unchanged', () => {
    const s = mini();
    const link = shareLink('http://localhost:5173/?x=1#old', s);
    if (!link.ok) throw new Error(link.reason);
    expect(link.url.startsWith('http://localhost:5173/?x=1#scenario=')).toBe(true);
    const text = scenarioFromHash(link.url.slice(link.url.indexOf('#')));
    const back = loadScenarioText(text ?? '');
    expect(back.ok && back.value).toEqual(s);
  });
  it('refuse a scenario too large for a link and point to the file', () => {
    const r = loadScenarioText(readFileSync(join(__dirname, '../../scenarios/samarkand-2022.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const link = shareLink('http://localhost/', r.value);
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.reason).toMatch(new RegExp(`at most ${MAX_LINK_LENGTH}.*share that instead`));
  });
  it('ignore other fragments and damaged links', () => {
    expect(scenarioFromHash('#top')).toBeNull();
    expect(scenarioFromHash('#scenario=%%%')).toBeNull();
  });
});
