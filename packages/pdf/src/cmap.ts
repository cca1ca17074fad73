const hex4 = (n: number) => n.toString(16).padStart(4, '0');
/** UTF-16 of each character as the CMap writes it, e.g. <4e0a> or <d840 dc00>. */
const utf16Hex = new Map<number, string>();

function unicodeHex(cp: number): string {
  let h = utf16Hex.get(cp);
  if (h === undefined) {
    h =
      cp > 0xffff
        ? `<${hex4(0xd800 | ((cp - 0x10000) >>> 10))} ${hex4(0xdc00 | ((cp - 0x10000) & 0x3ff))}>`
        : `<${hex4(cp)}>`;
    utf16Hex.set(cp, h);
  }
  return h;
}

/**
 * The ToUnicode CMap (text extraction, search, PDF/A) of a font subset as pdfkit writes it, from the characters of
 * each glyph by subset id, with each character's hex cached, as bytes.
 */
export function toUnicodeCmap(unicode: readonly (readonly number[] | undefined)[]): Buffer {
  // a glyph without characters (a component of a composite glyph) has an empty entry
  const entries: string[] = [];
  for (let gid = 0; gid < unicode.length; gid++) {
    const cps = unicode[gid];
    entries.push(
      !cps
        ? ''
        : cps.length === 1
          ? unicodeHex(cps[0] as number)
          : cps.map(unicodeHex).join('').replace(/></g, ' '),
    );
  }
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
  }
  return Buffer.from(
    `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`,
    'latin1',
  );
}
