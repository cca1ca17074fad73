import { copyFile, lstat, mkdir, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { archiveError } from './errors.js';

/**
 * Attached materials (scans and e-files handed in, 申请材料) live beside the store in the data directory:
 *   <data>/materials/<caseId>/<file name>
 * Archive and transfer bundles carry them under data/<caseId>/materials/. Only regular files directly in the case
 * folder count; names must be safe single path components.
 */
export function materialsDir(dataDir: string, caseId: string): string {
  return join(dataDir, 'materials', caseId);
}

export interface MaterialFile {
  name: string;
  file: string;
  size: number;
}

/** A file name that is one safe path component (no separators, no `..`, no control characters). */
export function safeName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\x00-\x1f\x7f%]/.test(name) &&
    Buffer.byteLength(name) <= 200
  );
}

export async function listMaterials(dataDir: string, caseId: string): Promise<MaterialFile[]> {
  const dir = materialsDir(dataDir, caseId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: MaterialFile[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    const st = await lstat(file);
    if (!st.isFile() || !safeName(name)) continue;
    out.push({ name, file, size: st.size });
  }
  return out;
}

/** Copies a file into a case's materials (the scan of a material handed in). */
export async function attachMaterial(
  dataDir: string,
  caseId: string,
  source: string,
  name = basename(source),
): Promise<MaterialFile> {
  if (!safeName(name)) {
    throw archiveError(
      'badMaterialName',
      `material file name "${name}" is not a safe file name`,
      { caseId, file: source },
      'rename it without /, \\, %, control characters or ".."',
    );
  }
  const dir = materialsDir(dataDir, caseId);
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await copyFile(source, file);
  const st = await lstat(file);
  return { name, file, size: st.size };
}
