import { t as coreT, formatLocalDateTime } from '@tongban/core/messages';
import type { CaseSummary } from '@tongban/core/store';
import { Box, Text, useInput } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import { Frame } from '../../app/frame.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List } from '../../components/list/list.js';
import type { ProgressView } from '../../services/kiosk-services.js';
import { initialProgressState, progressReducer } from './use-progress-state.js';

/** 进度查询 (seed 002 8.5): by application number, or by card (the applicant's own cases). */
export function ProgressScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const [s, act] = useReducer(progressReducer, initialProgressState);
  const [mine, setMine] = useState<CaseSummary[]>([]);
  const [view, setView] = useState<ProgressView | undefined>();
  const idNumber = state.applicant?.idNumber;
  useEffect(() => {
    if (idNumber) void services.casesOf(idNumber).then(setMine);
  }, [services, idNumber]);
  useEffect(() => {
    if (!s.shown) return setView(undefined);
    void services.progress(s.shown).then((v) => (v ? setView(v) : act({ type: 'notFound' })));
  }, [services, s.shown]);

  useInput((input, key) => {
    if (key.ctrl || isGlobalKey(input)) return;
    if (view) {
      if (key.return || key.escape || key.backspace || input === '-') {
        setView(undefined);
        act({ type: 'close' });
      }
      return;
    }
    if (key.upArrow) act({ type: 'move', by: -1, count: mine.length });
    else if (key.downArrow) act({ type: 'move', by: 1, count: mine.length });
    else if (key.return) {
      const id = s.typed || mine[s.index]?.caseId;
      if (id) act({ type: 'show', caseId: id });
    } else if (key.backspace || key.delete) {
      if (s.typed) act({ type: 'erase' });
      else dispatch({ type: 'back' });
    } else if (key.escape || input === '-') {
      if (s.typed) act({ type: 'type', text: '-' });
      else dispatch({ type: 'back' });
    } else if (/^[0-9A-Za-z]+$/.test(input)) act({ type: 'type', text: input });
  });

  return (
    <Frame title={t('progress.title')} keys={['keys.move', 'keys.confirm', 'keys.back']}>
      {view ? (
        <Box flexDirection="column">
          <Text bold color={theme.accent}>
            {view.caseId} · {view.itemName}
          </Text>
          <Text bold={theme.bold}>{t('progress.state', { state: view.state })}</Text>
          {view.dueDate ? (
            <Text>
              {t('progress.due', {
                date: view.dueProvisional
                  ? coreT('calendar.provisionalDate', { date: view.dueDate }, state.locale)
                  : view.dueDate,
              })}
            </Text>
          ) : null}
          {view.waitingOn ? <Text>{t('progress.waiting', { who: view.waitingOn })}</Text> : null}
          {view.entries.map((e) => (
            <Text key={`${e.at}:${e.text}`} color={theme.text}>
              {formatLocalDateTime(e.at, state.locale)} {e.text}
            </Text>
          ))}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text bold={theme.bold}>{t('progress.prompt')}</Text>
          <Text inverse>{` ${s.typed.padEnd(24, '_')} `}</Text>
          {s.notFound ? <Text color={theme.warn}>{t('progress.notFound')}</Text> : null}
          {idNumber ? (
            <Box flexDirection="column" marginTop={1}>
              <Text color={theme.muted}>{mine.length ? t('progress.mine') : t('progress.none')}</Text>
              <List
                rows={mine.map((c) => `${c.caseId}  ${c.state}`)}
                index={s.index}
                theme={theme}
                numbered={false}
              />
            </Box>
          ) : null}
        </Box>
      )}
    </Frame>
  );
}
