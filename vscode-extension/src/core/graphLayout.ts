/** A task placed for drawing: its column (dependencies to the left) and its row within the column. */
export interface PlacedTask {
  readonly id: string;
  readonly column: number;
  readonly row: number;
}

export interface GraphLayout {
  readonly tasks: readonly PlacedTask[];
  /** From a dependency to the task that depends on it. */
  readonly edges: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly columns: number;
  readonly rows: number;
}

/**
 * Lays the task graph out in columns: a task stands one column right of its furthest dependency, so every edge
 * points right; within a column, tasks keep the order they come in. Dependencies outside the graph are left
 * out, and a cycle (which the daemon rejects anyway) cannot loop: a task met again on its own path counts as
 * column 0.
 */
export function layoutGraph(tasks: ReadonlyArray<{ readonly id: string; readonly dependsOn: readonly string[] }>): GraphLayout {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const columns = new Map<string, number>();
  const visiting = new Set<string>();
  const columnOf = (id: string): number => {
    const known = columns.get(id);
    if (known !== undefined) {
      return known;
    }
    if (visiting.has(id)) {
      return 0;
    }
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep));
    const column = deps.length === 0 ? 0 : Math.max(...deps.map(columnOf)) + 1;
    visiting.delete(id);
    columns.set(id, column);
    return column;
  };
  const rowsUsed: number[] = [];
  const placed: PlacedTask[] = tasks.map((task) => {
    const column = columnOf(task.id);
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    return { id: task.id, column, row };
  });
  const edges = tasks.flatMap((task) => task.dependsOn.filter((dep) => byId.has(dep)).map((dep) => ({ from: dep, to: task.id })));
  return { tasks: placed, edges, columns: rowsUsed.length, rows: Math.max(0, ...rowsUsed) };
}
