import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../utils/claims/index';

const speakers = (text: string) => detectClaims(text).claims.map((c) => c.speaker);

describe('speaker resolution', () => {
  it('splits a title from the name and keeps it as the role', () => {
    expect(speakers('Secretary of State Jane Miller said the talks would resume.')[0]).toEqual({ name: 'Jane Miller', role: 'Secretary of State', type: 'person' });
  });

  it('resolves a later surname to the full name', () => {
    const s = speakers('Gen. Mark Ortiz said the drills were over. Ortiz said more troops would leave.');
    expect(s[1]).toMatchObject({ name: 'Mark Ortiz', role: 'Gen.' });
  });

  it('resolves he and she to the last person', () => {
    const s = speakers('Tom Reyes said the plant was safe. Anna Berg said it was not. She said the tests were faked.');
    expect(s[2]?.name).toBe('Anna Berg');
  });

  it('leaves a pronoun unresolved when no one was named', () => {
    expect(speakers('He said the plant was safe.')[0]).toBeNull();
  });

  it('types organisations', () => {
    expect(speakers('The Defense Ministry said the drills were over.')[0]?.type).toBe('organization');
  });
});
