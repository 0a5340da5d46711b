import { useState } from 'preact/hooks';
import type { ParsedImport } from '../../utils/import/parse-import';
import { describePreview, MERGE_RULE, type ImportPreview } from '../../utils/import/merge';
import { Modal } from './Modal';

export type ImportState =
  | { step: 'preview'; fileName: string; parsed: ParsedImport; preview: ImportPreview }
  | { step: 'error'; fileName: string; message: string; problems: string[] };

interface Props {
  state: ImportState;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

const FORMAT_NAME = { claimtrail: 'ClaimTrail JSON', w3c: 'W3C Web Annotations' } as const;

/** Shows what an import will do, and the merge rule, before anything is written; or why the file was refused. */
export function ImportDialog({ state, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  if (state.step === 'error') {
    return (
      <Modal title={`Cannot import ${state.fileName}`} onClose={onClose}>
        <p role="alert">{state.message}</p>
        {state.problems.length > 1 ? (
          <ul class="lib-dialog__problems">
            {state.problems.map((problem) => <li key={problem}>{problem}</li>)}
          </ul>
        ) : null}
        <div class="lib-dialog__actions">
          <button type="button" class="ct-button" onClick={onClose} autoFocus>Close</button>
        </div>
      </Modal>
    );
  }
  const { preview } = state;
  return (
    <Modal title={`Import ${state.fileName}`} onClose={onClose}>
      <p>
        {FORMAT_NAME[state.parsed.format]}: <strong>{describePreview(preview)}</strong>.
      </p>
      {preview.replacedByFile > 0 ? <p>{preview.replacedByFile} of the claims already here were reviewed more recently in the file and will take its verdict and note.</p> : null}
      <p class="lib-dialog__rule">{MERGE_RULE}</p>
      {state.parsed.format === 'w3c' ? <p class="lib-dialog__rule">Web Annotations carry no page titles, cues or speaker types; those stay empty.</p> : null}
      <div class="lib-dialog__actions">
        <button type="button" class="ct-button" onClick={onClose} disabled={busy}>Cancel</button>
        <button
          type="button"
          class="ct-button lib-button--primary"
          disabled={busy}
          autoFocus
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          {busy ? 'Importing…' : `Import ${preview.claims.toLocaleString('en')} claims`}
        </button>
      </div>
    </Modal>
  );
}
