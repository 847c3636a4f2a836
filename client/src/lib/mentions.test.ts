import { describe, expect, it } from 'vitest';
import { mentionCount, mentionsByPath } from './mentions.ts';

describe('mentions', () => {
  it('groups the missing mentions under their field and counts them', () => {
    const byPath = mentionsByPath([
      { path: 'terms', message: 'penalty' },
      { path: 'seller.siren', message: 'siren' },
      { path: 'terms', message: 'indemnity' },
    ]);
    expect(byPath.get('terms')).toEqual(['penalty', 'indemnity']);
    expect(byPath.get('seller.siren')).toEqual(['siren']);
    expect(mentionCount(1)).toBe('1 mandatory mention missing');
    expect(mentionCount(3)).toBe('3 mandatory mentions missing');
  });
});
