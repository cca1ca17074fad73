import { Box, Text } from 'ink';
import { useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { checkMaterials, materialsToBring } from '../../services/material-check.js';
import { initialMaterialsState, materialsReducer } from './use-materials-state.js';

/** 核对材料: tick what you have; the verdict shows at once, the missing list complete (seed 001 6.1.3). */
export function MaterialsScreen() {
  const { t, theme, state, dispatch } = useKiosk();
  const [s, act] = useReducer(materialsReducer, initialMaterialsState);
  const item = state.item;
  const bring = item ? materialsToBring(item) : [];
  const fetched = item ? item.materials.filter((m) => m.eLicence !== undefined) : [];
  const verdict = item ? checkMaterials(item, s.ticked) : { kind: 'missing' as const, missing: [] };
  useKeys((input, key) => {
    if (key.upArrow) act({ type: 'move', by: -1, count: bring.length });
    else if (key.downArrow) act({ type: 'move', by: 1, count: bring.length });
    else if (input === ' ' || input === '+') {
      const m = bring[s.index];
      if (m) act({ type: 'toggle', name: m.name });
    } else if (isDigit(input)) {
      const m = bring[Number(input) - 1];
      if (m) act({ type: 'toggle', name: m.name });
    } else if (key.return) {
      if (verdict.kind === 'complete')
        dispatch({ type: 'materialsChecked', submitted: verdict.submitted, later: [] });
      else if (verdict.kind === 'tolerance')
        dispatch({ type: 'materialsChecked', submitted: verdict.submitted, later: verdict.later });
    } else if (isBack(input, key)) dispatch({ type: 'back' });
  });
  return (
    <Frame title={t('materials.title')} keys={['keys.pick', 'keys.confirm', 'keys.back']}>
      {bring.map((m, i) => (
        <Text
          key={m.name}
          color={i === s.index ? theme.accent : theme.text}
          bold={theme.bold || i === s.index}
        >
          {i === s.index ? theme.marker : ' '.repeat(theme.marker.length)}
          {i + 1}. [{s.ticked.has(m.name) ? '✓' : ' '}] {m.name}
          {m.tolerable ? ` (${t('guide.tolerable')})` : ''}
        </Text>
      ))}
      {fetched.map((m) => (
        <Text key={m.name} color={theme.muted}>
          {'   '}[✓] {m.name} {t('materials.auto')}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        {verdict.kind === 'complete' ? (
          <Text color={theme.ok} bold>
            {t('materials.complete')}
          </Text>
        ) : null}
        {verdict.kind === 'tolerance' ? (
          <Text color={theme.ok} bold>
            {t('materials.tolerance')}: {verdict.later.join('、')}
          </Text>
        ) : null}
        {verdict.kind === 'missing' ? (
          <>
            <Text color={theme.warn} bold>
              {t('materials.missing')}
            </Text>
            <Text color={theme.warn}>{verdict.missing.join('、')}</Text>
          </>
        ) : null}
      </Box>
    </Frame>
  );
}
