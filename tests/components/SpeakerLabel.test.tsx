import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SpeakerLabel } from '../../components/SpeakerLabel';

describe('SpeakerLabel', () => {
  it('shows the canonical name with the role after it', () => {
    render(<SpeakerLabel speaker={{ name: 'Ayad Allawi', role: 'Iraqi Vice President', type: 'person' }} />);
    expect(screen.getByText('Ayad Allawi').className).toBe('ct-speaker__name');
    expect(screen.getByText(', Iraqi Vice President').className).toBe('ct-speaker__role');
  });

  it('says when a claim has no named source', () => {
    render(<SpeakerLabel speaker={null} />);
    expect(screen.getByText('Unattributed')).toBeTruthy();
  });
});
