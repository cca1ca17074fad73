/**
 * GA 467 SAM serial frames (the protocol of nearly every second-generation ID-card reader):
 *   AA AA AA 96 69 | LEN_HI LEN_LO | CMD PARA [data] | CHK        (command)
 *   AA AA AA 96 69 | LEN_HI LEN_LO | SW1 SW2 SW3 [data] | CHK     (response)
 * LEN counts every byte after it, CHK included (frame = 7 + LEN bytes); CHK = XOR of LEN_HI .. last data byte.
 */
export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
export const HEADER_LENGTH = 7;
/** Largest LEN a reader answers (read text+photo+fingerprint is 0x0908 + margin). */
export const MAX_LEN = 0x1000;

export const Command = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
  readAppendedAddress: [0x30, 0x03],
  readTextPhotoFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof Command;

/** XOR of bytes [from, to). */
export function xorChecksum(buf: Uint8Array, from = 0, to = buf.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= buf[i]!;
  return x;
}

function frame(body: Uint8Array): Buffer {
  const len = body.length + 1;
  const out = Buffer.alloc(HEADER_LENGTH + len);
  PREAMBLE.copy(out, 0);
  out.writeUInt16BE(len, 5);
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

/** Encodes a command frame: name from `Command` or a raw [CMD, PARA] pair. */
export function encodeCommand(
  cmd: CommandName | readonly [number, number],
  data: Uint8Array = new Uint8Array(),
): Buffer {
  const [c, p] = typeof cmd === 'string' ? Command[cmd] : cmd;
  const body = new Uint8Array(2 + data.length);
  body[0] = c;
  body[1] = p;
  body.set(data, 2);
  return frame(body);
}

/** Encodes a response frame (SW1 SW2 SW3 data): used by the simulated reader and the fixtures' cross-check. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(), sw1 = 0, sw2 = 0): Buffer {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return frame(body);
}

/** A frame the parser accepted: checksum verified. `body` is everything between LEN and CHK. */
export interface SamFrame {
  raw: Buffer;
  body: Buffer;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

export interface SamCommandFrame {
  cmd: number;
  para: number;
  data: Buffer;
}

export function asResponse(f: SamFrame): SamResponse | undefined {
  if (f.body.length < 3) return undefined;
  return { sw1: f.body[0]!, sw2: f.body[1]!, sw3: f.body[2]!, data: f.body.subarray(3) };
}

export function asCommand(f: SamFrame): SamCommandFrame | undefined {
  if (f.body.length < 2) return undefined;
  return { cmd: f.body[0]!, para: f.body[1]!, data: f.body.subarray(2) };
}

/** Name of a command pair, for logs. */
export function commandName(cmd: number, para: number): CommandName | undefined {
  for (const [name, [c, p]] of Object.entries(Command))
    if (c === cmd && p === para) return name as CommandName;
  return undefined;
}
