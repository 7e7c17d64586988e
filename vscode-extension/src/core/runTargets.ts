import type { TaskModel } from './taskModel';

/** Something to run: `all`, every task of a project, or one task. */
export interface RunTarget {
  readonly label: string;
  readonly targets: readonly string[];
  /** Set for a project's tasks. */
  readonly project?: string;
  readonly detail: string;
}

/** What Run Task and the pickers offer, in this order: `all`, each project, each task. */
export function runTargets(model: TaskModel): RunTarget[] {
  const projects = model.projects();
  const result: RunTarget[] = [{ label: 'all', targets: ['all'], detail: 'every task of the workspace' }];
  for (const project of projects) {
    if (project.info.name !== '' && project.tasks.length > 0) {
      result.push({
        label: `${project.info.name} (every task)`,
        targets: project.tasks.map((task) => task.id),
        project: project.info.name,
        detail: project.tasks.map((task) => task.name).join(', '),
      });
    }
  }
  for (const task of model.tasks()) {
    result.push({ label: task.id, targets: [task.id], detail: task.info.cmd.join(' ') });
  }
  return result;
}
