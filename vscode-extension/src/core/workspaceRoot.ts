import * as fs from 'node:fs';
import * as path from 'node:path';

export const WORKFILE = 'same.work.yaml';
export const SAMEFILE = 'same.yaml';

/**
 * The workspace root for a directory, as the CLI finds it: walking up, the nearest directory with
 * `same.work.yaml` wins; otherwise the nearest with `same.yaml`. Returns the real (symlink-free) path,
 * or undefined when neither file is found.
 */
export function findWorkspaceRoot(start: string): string | undefined {
  let nearestSamefile: string | undefined;
  let dir = realDirectory(start);
  for (;;) {
    if (isFile(path.join(dir, WORKFILE))) {
      return dir;
    }
    if (nearestSamefile === undefined && isFile(path.join(dir, SAMEFILE))) {
      nearestSamefile = dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return nearestSamefile;
    }
    dir = parent;
  }
}

function realDirectory(start: string): string {
  const resolved = path.resolve(start);
  try {
    return fs.realpathSync(resolved);
  } catch {
    return resolved;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
