import { type Key, useInput } from 'ink';
import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

export type KeyHandler = (input: string, key: Key) => void;
type Handlers = Set<{ current: KeyHandler }>;

const KeysContext = createContext<Handlers | undefined>(undefined);

/**
 * The kiosk's one input listener, from its first frame on: it hands every key to the handlers of the screens now
 * shown (useKeys). Ink's own useInput listens from an effect that runs some time after the screen is drawn, so on a
 * busy machine a key pressed as a new screen appears went to nobody and was lost (issue 15); a screen's handler here
 * is in place in the same commit that draws it. The first frame waits until this listener is attached. Inside
 * another KeyRouter (the app within the boot shell) it adds nothing.
 */
export function KeyRouter({ children }: { children: ReactNode }) {
  const outer = useContext(KeysContext);
  const handlers = useRef<Handlers>(new Set()).current;
  const route = useCallback<KeyHandler>(
    (input, key) => {
      for (const h of [...handlers]) h.current(input, key);
    },
    [handlers],
  );
  useInput(route, { isActive: outer === undefined });
  // runs after useInput's own effects (they come first in this component): the screens are drawn once it listens
  const [listening, setListening] = useState(outer !== undefined);
  useEffect(() => setListening(true), []);
  if (outer) return children;
  return createElement(KeysContext.Provider, { value: handlers }, listening ? children : null);
}

/**
 * Ink's useInput for the kiosk's screens: under a KeyRouter the handler is registered in a layout effect, before the
 * screen's frame can be read or answered; a screen rendered on its own (a test) falls back to Ink's useInput.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const handlers = useContext(KeysContext);
  const active = options.isActive !== false;
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useLayoutEffect(() => {
    if (!handlers || !active) return;
    handlers.add(ref);
    return () => {
      handlers.delete(ref);
    };
  }, [handlers, active]);
  useInput(handler, { isActive: active && handlers === undefined });
}
