import type { StoredSpeaker } from '../utils/db/types';
import { speakerName } from '../utils/popup/filters';

interface Props {
  speaker: StoredSpeaker | null;
  id?: string;
}

/** Canonical speaker name with the role, when the article gave one, in smaller text after it. */
export function SpeakerLabel({ speaker, id }: Props) {
  return (
    <p class="ct-speaker" id={id}>
      <span class={speaker ? 'ct-speaker__name' : 'ct-speaker__name ct-speaker__name--none'}>{speakerName(speaker)}</span>
      {speaker?.role ? <span class="ct-speaker__role">, {speaker.role}</span> : null}
    </p>
  );
}
