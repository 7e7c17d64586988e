/**
 * The mark on an input file whose change makes tasks dirty, in the explorer and on editor tabs. Not `●`:
 * VS Code draws that dot for unsaved changes. Not a letter or a number either: git marks files with
 * M, U, A, D…, and Problems counts errors with digits. `↻` says "would run again".
 */
export const DIRTY_BADGE = '↻';

export function dirtyBadge(tasks: readonly string[]): { readonly badge: string; readonly tooltip: string } {
  const named = tasks.length === 1 ? tasks[0] : `${tasks.slice(0, -1).join(', ')} and ${tasks[tasks.length - 1]}`;
  return { badge: DIRTY_BADGE, tooltip: `same: this change makes ${named} dirty` };
}
