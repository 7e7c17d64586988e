package dev.same.intellij.ui;

import dev.same.intellij.StateIcons;
import dev.same.intellij.core.model.ProjectNode;
import dev.same.intellij.core.model.StateIcon;
import dev.same.intellij.core.model.TaskView;
import java.awt.Component;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;

/** A task: its state's icon, its name, its reasons as tooltip; a project: its name. */
final class TaskTreeRenderer extends DefaultTreeCellRenderer {
    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
                                                  boolean leaf, int row, boolean hasFocus) {
        super.getTreeCellRendererComponent(tree, value, selected, expanded, leaf, row, hasFocus);
        Object item = value instanceof DefaultMutableTreeNode node ? node.getUserObject() : value;
        if (item instanceof TaskView task) {
            setText(task.name());
            setIcon(StateIcons.of(StateIcon.of(task.state())));
            setToolTipText(StateIcon.tooltip(task));
        } else if (item instanceof ProjectNode project) {
            setText(project.info().name().isEmpty() ? "(workspace)" : project.info().name());
            setToolTipText(project.info().file());
        }
        return this;
    }
}
