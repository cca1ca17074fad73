import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';

export interface QrProps {
  payload: string;
  /** A line under the code (e.g. "scan to check progress"). */
  caption?: string;
}

/**
 * A QR code on screen, black on white whatever the terminal's theme. The encoder is loaded when a QR is first shown,
 * not at start-up (the kiosk's cold start stays a bare Ink start).
 */
export function Qr({ payload, caption }: QrProps) {
  const [lines, setLines] = useState<string[] | undefined>();
  useEffect(() => {
    let live = true;
    void import('./qr-matrix.js').then((m) => {
      if (live) setLines(m.qrLines(payload));
    });
    return () => {
      live = false;
    };
  }, [payload]);
  if (!lines) return null;
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed matrix; position is their identity
        <Text key={i} color="black" backgroundColor="white">
          {l}
        </Text>
      ))}
      {caption ? <Text>{caption}</Text> : null}
    </Box>
  );
}
