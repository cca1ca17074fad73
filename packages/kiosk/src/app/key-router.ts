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
 * is in place in the same commit that draws it. The first frame waits until this listener is attached. Keys that
 * came in one chunk are handed over one at a time (keysOf). Inside another KeyRouter (the app within the boot shell)
 * it adds nothing.
 */
export function KeyRouter({ children }: { children: ReactNode }) {
  const outer = useContext(KeysContext);
  const handlers = useRef<Handlers>(new Set()).current;
  const queue = useRef<Array<[string, Key]>>([]).current;
  const route = useCallback<KeyHandler>(
    (input, key) => {
      const idle = queue.length === 0;
      for (const part of keysOf(input, key)) queue.push([part, key]);
      // the first now; each next one in a turn of its own, after the screen rendered what the one before did
      const drain = () => {
        const next = queue.shift();
        if (next) for (const h of [...handlers]) h.current(...next);
        if (queue.length > 0) setImmediate(drain);
      };
      if (idle) drain();
    },
    [handlers, queue],
  );
  useInput(route, { isActive: outer === undefined });
  // runs after useInput's own effects (they come first in this component): the screens are drawn once it listens
  const [listening, setListening] = useState(outer !== undefined);
  useEffect(() => setListening(true), []);
  if (outer) return children;
  return createElement(KeysContext.Provider, { value: handlers }, listening ? children : null);
}

/**
 * The keys in what the terminal gave at once: Ink hands a screen the whole chunk as one input (as for a paste), so
 * "123" typed while the kiosk was busy reached a screen that takes one digit at a time as no key at all. Plain text
 * is split into its characters; anything with a control character (Enter, Esc, arrows) stays whole.
 */
function keysOf(input: string, key: Key): string[] {
  const chars = [...input];
  if (chars.length < 2 || key.ctrl || key.meta || /[\u0000-\u001f\u007f]/.test(input)) return [input];
  return chars;
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
