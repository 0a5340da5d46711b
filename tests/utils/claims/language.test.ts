import { beforeAll, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../utils/claims/lexicon/hash';
import { looksEnglish } from '../../../utils/claims/language';
import { tokenize } from '../../../utils/claims/tokens';

// These call into the detector's parts directly, so nothing has filled the lexicon for them.
beforeAll(buildLexicon);

describe('looksEnglish', () => {
  it('accepts English news prose', () => {
    expect(looksEnglish(tokenize('The council said on Monday that it would vote on the budget after the holiday, and the mayor was not consulted before the decision was made public by the press office.'))).toBe(true);
  });

  it('rejects Spanish prose', () => {
    expect(looksEnglish(tokenize('El gobierno anunció el lunes que las negociaciones con los sindicatos se reanudarán la próxima semana, según fuentes oficiales consultadas por este periódico en la capital del país.'))).toBe(false);
  });

  it.each([
    ['French', 'Le gouvernement a annoncé lundi que les négociations avec les syndicats reprendront la semaine prochaine, selon des sources officielles. Le ministre a déclaré qu’il était confiant, mais les syndicats préviennent qu’ils n’accepteront aucune baisse des retraites.'],
    ['German', 'Die Regierung hat am Montag angekündigt, dass die Verhandlungen mit den Gewerkschaften in der nächsten Woche fortgesetzt werden. Der Minister sagte, er sei zuversichtlich, doch die Gewerkschaften warnen, sie würden keine Rentenkürzungen akzeptieren.'],
    ['Italian', 'Il governo ha annunciato lunedì che i negoziati con i sindacati riprenderanno la prossima settimana, secondo fonti ufficiali. Il ministro ha detto di essere fiducioso, ma i sindacati avvertono che non accetteranno tagli alle pensioni.'],
    ['Portuguese', 'O governo anunciou na segunda-feira que as negociações com os sindicatos serão retomadas na próxima semana, segundo fontes oficiais. O ministro disse estar confiante, mas os sindicatos avisam que não aceitarão cortes nas pensões.'],
    ['Dutch', 'De regering heeft maandag aangekondigd dat de onderhandelingen met de vakbonden volgende week worden hervat, volgens officiële bronnen. De minister zei dat hij erop vertrouwt, maar de vakbonden waarschuwen dat ze geen bezuinigingen zullen accepteren.'],
  ])('rejects %s prose', (_language, text) => {
    expect(looksEnglish(tokenize(text))).toBe(false);
  });

  it('gives short snippets the benefit of the doubt', () => {
    expect(looksEnglish(tokenize('Oui.'))).toBe(true);
  });
});
