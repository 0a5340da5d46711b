import { formatCount } from './format';
import type { SpeakerSummary } from './library-index';

/** Each speaker with how many of their claims were verified, disputed or are still to review. */
export function SpeakersView({ speakers, onShow }: { speakers: SpeakerSummary[]; onShow: (name: string) => void }) {
  if (speakers.length === 0) return <p class="lib-empty">No speakers yet: review a claim on a news page and it appears here.</p>;
  return (
    <table class="lib-table">
      <caption class="ct-visually-hidden">Speakers and their claims</caption>
      <thead>
        <tr>
          <th scope="col">Speaker</th>
          <th scope="col">Claims</th>
          <th scope="col">Verified</th>
          <th scope="col">Disputed</th>
          <th scope="col">To review</th>
          <th scope="col">Sites</th>
        </tr>
      </thead>
      <tbody>
        {speakers.map((s) => (
          <tr key={s.name}>
            <th scope="row">
              <button type="button" class="lib-link-button" aria-label={`Show claims by ${s.name}`} onClick={() => onShow(s.name)}>
                {s.name}
              </button>
            </th>
            <td>{formatCount(s.total)}</td>
            <td class="lib-num--verified">{formatCount(s.verified)}</td>
            <td class="lib-num--disputed">{formatCount(s.disputed)}</td>
            <td>{formatCount(s.unreviewed)}</td>
            <td>{formatCount(s.sites)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
