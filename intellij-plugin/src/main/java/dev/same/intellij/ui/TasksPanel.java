package dev.same.intellij.ui;

import com.intellij.openapi.Disposable;
import com.intellij.openapi.project.Project;
import dev.same.intellij.SameService;
import dev.same.intellij.core.model.ExplainText;
import dev.same.intellij.core.model.ProjectNode;
import dev.same.intellij.core.model.StatusLine;
import dev.same.intellij.core.model.TaskView;
import dev.same.intellij.core.run.RunOptions;
import dev.same.intellij.run.SameRunner;
import dev.same.protocol.ExplainParams;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;

/** Projects and tasks with their live states; Run, Run without cache and Why? on the selected task; the trouble, if any. */
final class TasksPanel extends JPanel implements Disposable {
    private final Project project;
    private final SameService service;
    private final JLabel trouble = new JLabel();
    private final DefaultTreeModel treeModel = new DefaultTreeModel(new DefaultMutableTreeNode("same"));
    private final JTree tree = new JTree(treeModel);
    private final JTextArea why = new JTextArea("Select a task and press Why? to see what changed since its last run.");
    private final Runnable refresh = this::refresh;

    TasksPanel(Project project, SameService service) {
        super(new BorderLayout());
        this.project = project;
        this.service = service;
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.setCellRenderer(new TaskTreeRenderer());
        ToolTipManager.sharedInstance().registerComponent(tree);
        why.setEditable(false);
        why.setLineWrap(true);
        why.setWrapStyleWord(true);

        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEFT));
        actions.add(button("Run", () -> selected().ifPresent(task -> SameRunner.run(project, RunOptions.of(task.id())))));
        actions.add(button("Run without cache", () -> selected().ifPresent(task -> SameRunner.run(project,
                new RunOptions(List.of(task.id()), true, 0, Map.of())))));
        actions.add(button("Why?", () -> selected().ifPresent(this::explain)));
        JPanel top = new JPanel(new BorderLayout());
        top.add(actions, BorderLayout.NORTH);
        top.add(trouble, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        add(new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(tree), new JScrollPane(why)), BorderLayout.CENTER);
        service.addChangeListener(refresh);
        refresh();
    }

    private static JButton button(String text, Runnable action) {
        JButton button = new JButton(text);
        button.addActionListener(event -> action.run());
        return button;
    }

    private Optional<TaskView> selected() {
        var path = tree.getSelectionPath();
        if (path != null && path.getLastPathComponent() instanceof DefaultMutableTreeNode node
                && node.getUserObject() instanceof TaskView task) {
            return Optional.of(task);
        }
        return Optional.empty();
    }

    private void explain(TaskView task) {
        why.setText("Asking the daemon about " + task.id() + "…");
        try {
            service.start().orElseThrow().server()
                    .explain(new ExplainParams(task.id(), service.root().orElseThrow().toString(), true))
                    .whenComplete((result, error) -> SwingUtilities.invokeLater(() -> why.setText(
                            error == null ? ExplainText.render(result) : "The daemon could not answer: "
                                    + error.getMessage())));
        } catch (IllegalStateException notConnected) {
            why.setText(notConnected.getMessage());
        }
    }

    /** Rebuilds the tree from the latest snapshot, keeping the selected task selected. */
    private void refresh() {
        var snapshot = service.snapshot();
        StatusLine status = StatusLine.of(snapshot, service.connectionState());
        trouble.setText(status.trouble() ? status.tooltip() : "");
        trouble.setVisible(status.trouble());
        String selectedId = selected().map(TaskView::id).orElse(null);
        DefaultMutableTreeNode root = new DefaultMutableTreeNode("same");
        for (ProjectNode projectNode : snapshot.projects()) {
            DefaultMutableTreeNode node = new DefaultMutableTreeNode(projectNode);
            projectNode.tasks().forEach(task -> node.add(new DefaultMutableTreeNode(task)));
            root.add(node);
        }
        treeModel.setRoot(root);
        for (int row = 0; row < tree.getRowCount(); row++) {
            tree.expandRow(row);
        }
        for (int row = 0; selectedId != null && row < tree.getRowCount(); row++) {
            if (tree.getPathForRow(row).getLastPathComponent() instanceof DefaultMutableTreeNode node
                    && node.getUserObject() instanceof TaskView task && task.id().equals(selectedId)) {
                tree.setSelectionRow(row);
            }
        }
    }

    @Override
    public void dispose() {
        service.removeChangeListener(refresh);
    }
}
