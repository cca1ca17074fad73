import type { RatingLevel } from '@tongban/core/ratings';
import type { CaseSummary } from '@tongban/core/store';
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { failureText } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List } from '../../components/list/list.js';

/** 好差评 (seed 003 三): pick one of your cases with up/down, press 1-5; a bad rating reopens work (core). */
export function RateScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const [mine, setMine] = useState<CaseSummary[]>([]);
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState<string | undefined>();
  const idNumber = state.applicant?.idNumber;
  useEffect(() => {
    if (idNumber) void services.casesOf(idNumber).then(setMine);
  }, [services, idNumber]);
  useKeys((input, key) => {
    if (key.upArrow) setIndex((i) => Math.max(0, i - 1));
    else if (key.downArrow) setIndex((i) => Math.min(Math.max(0, mine.length - 1), i + 1));
    else if (/^[1-5]$/.test(input)) {
      const c = mine[index];
      if (!c || !idNumber) return;
      services
        .rate(c.caseId, Number(input) as RatingLevel, idNumber)
        .then(() => setNote(t('rate.done')))
        .catch((e: unknown) => setNote(failureText(services, t, 'rate', e)));
    } else if (isBack(input, key) || key.return) dispatch({ type: 'back' });
  });
  return (
    <Frame title={t('rate.title')} keys={['keys.move', 'keys.pick', 'keys.back']}>
      <Text bold={theme.bold}>{t('rate.prompt')}</Text>
      <Text color={theme.accent}>{t('rate.levels')}</Text>
      {mine.length === 0 ? <Text color={theme.muted}>{t('progress.none')}</Text> : null}
      <List
        t={t}
        rows={mine.map((c) => `${c.caseId}  ${c.state}`)}
        index={index}
        theme={theme}
        numbered={false}
      />
      {note ? <Text color={theme.warn}>{note}</Text> : null}
    </Frame>
  );
}
