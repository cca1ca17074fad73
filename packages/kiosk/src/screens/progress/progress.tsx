import { t as coreT, formatLocalDateTime } from '@tongban/core/messages';
import type { CaseSummary } from '@tongban/core/store';
import { Box, Text } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import { coreWord } from '../../messages/kiosk-messages.js';
import type { ProgressView } from '../../services/kiosk-services.js';
import { initialProgressState, progressReducer } from './use-progress-state.js';

/** 进度查询 (seed 002 8.5): by application number, or by card (the applicant's own cases). */
export function ProgressScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const [s, act] = useReducer(progressReducer, initialProgressState);
  const [mine, setMine] = useState<CaseSummary[]>([]);
  const [view, setView] = useState<ProgressView | undefined>();
  const [typing, setTyping] = useState(false);
  const picking = !typing && !s.typed && mine.length > 0;
  const shownEntries = theme.name === 'large' ? 3 : 6;
  const idNumber = state.applicant?.idNumber;
  useEffect(() => {
    if (idNumber) void services.casesOf(idNumber).then(setMine);
  }, [services, idNumber]);
  useEffect(() => {
    if (!s.shown) return setView(undefined);
    void services
      .lookup(s.shown)
      .then((r) => ('view' in r ? setView(r.view) : act({ type: 'problem', problem: r.problem })));
  }, [services, s.shown]);
  const word = (v: ProgressView) => (v.stateKey ? coreWord(v.stateKey, state.locale) : v.state);

  useKeys((input, key) => {
    if (key.ctrl || isGlobalKey(input)) return;
    if (view) {
      if (key.return || key.escape || key.backspace || key.delete || input === '-' || input === '0') {
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
    } else if (key.escape || key.meta) {
      // Esc never types (a fast Esc + key comes as meta + key); it goes back.
      dispatch({ type: 'back' });
    } else if (picking && input === '.') setTyping(true);
    else if (picking && /^[0-9]$/.test(input)) {
      // An identified applicant's own cases are picked by digit (9/0 page); `.` turns to typing a number.
      const k = listKey(input, s.index, theme.rows, mine.length);
      if (k && 'pick' in k) act({ type: 'show', caseId: mine[k.pick]?.caseId ?? '' });
      else if (k) act({ type: 'move', by: k.by, count: mine.length });
      else if (input === '0') dispatch({ type: 'back' });
    } else if (input === '-' && !s.typed) dispatch({ type: 'back' });
    else if (/^[0-9A-Za-z.-]+$/.test(input)) act({ type: 'type', text: input });
  });

  return (
    <Frame
      title={t('progress.title')}
      keys={
        view
          ? ['progress.leave']
          : picking
            ? ['keys.pick', 'keys.number', 'keys.back']
            : ['keys.typeNumber', 'keys.confirm', 'keys.back']
      }
    >
      {view ? (
        <Box flexDirection="column">
          <Text bold color={theme.accent}>
            {view.caseId} · {view.itemName}
          </Text>
          <Text bold={theme.bold}>{t('progress.state', { state: word(view) })}</Text>
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
          {view.entries.slice(-shownEntries).map((e) => (
            <Text key={`${e.at}:${e.text}`} color={theme.text}>
              {formatLocalDateTime(e.at, state.locale)} {e.text}
            </Text>
          ))}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text bold={theme.bold}>{t('progress.prompt')}</Text>
          {picking ? null : <Text inverse>{` ${s.typed.padEnd(24, '_')} `}</Text>}
          {s.problem ? <Text color={theme.warn}>{t(`progress.${s.problem}`)}</Text> : null}
          {idNumber ? (
            <Box flexDirection="column" marginTop={1}>
              <Text color={theme.muted}>{mine.length ? t('progress.mine') : t('progress.none')}</Text>
              <List
                t={t}
                rows={mine.map((c) => `${c.caseId}  ${coreWord(`state.${c.state}`, state.locale)}`)}
                index={s.index}
                theme={theme}
              />
            </Box>
          ) : null}
        </Box>
      )}
    </Frame>
  );
}
