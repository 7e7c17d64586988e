package dev.same.intellij.run;

import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import dev.same.intellij.SameService;
import dev.same.intellij.core.model.TaskView;
import dev.same.intellij.core.run.RunOptions;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;

/** The run configuration's form: tasks (the live graph's, in an editable list), no cache, parallelism, variables. */
final class SameSettingsEditor extends SettingsEditor<SameRunConfiguration> {
    private final JComboBox<String> tasks = new JComboBox<>();
    private final JCheckBox noCache = new JCheckBox("Run without cache (--no-cache)");
    private final JSpinner parallel = new JSpinner(new SpinnerNumberModel(0, 0, 1024, 1));
    private final JTextArea environment = new JTextArea(4, 40);

    SameSettingsEditor(Project project) {
        tasks.setEditable(true);
        tasks.addItem("all");
        SameService.of(project).snapshot().tasks().stream().map(TaskView::id).sorted().forEach(tasks::addItem);
    }

    @Override
    protected void resetEditorFrom(SameRunConfiguration configuration) {
        RunOptions options = configuration.options();
        tasks.setSelectedItem(String.join(" ", options.tasks()));
        noCache.setSelected(options.noCache());
        parallel.setValue(options.parallel());
        environment.setText(options.environmentText());
    }

    @Override
    protected void applyEditorTo(SameRunConfiguration configuration) {
        Object typed = tasks.getEditor().getItem();
        configuration.setOptions(new RunOptions(RunOptions.splitTasks(typed == null ? "" : typed.toString()),
                noCache.isSelected(), (Integer) parallel.getValue(),
                RunOptions.parseEnvironment(environment.getText())));
    }

    @Override
    protected JComponent createEditor() {
        JPanel panel = new JPanel(new GridBagLayout());
        row(panel, 0, "Tasks:", tasks);
        row(panel, 1, "", noCache);
        row(panel, 2, "Parallel tasks (0: one per CPU):", parallel);
        row(panel, 3, "Environment (NAME=value per line):", new JScrollPane(environment));
        return panel;
    }

    private static void row(JPanel panel, int y, String label, JComponent field) {
        GridBagConstraints constraints = new GridBagConstraints();
        constraints.gridy = y;
        constraints.insets = new Insets(2, 2, 2, 2);
        constraints.anchor = GridBagConstraints.WEST;
        panel.add(new JLabel(label), constraints);
        constraints.gridx = 1;
        constraints.weightx = 1;
        constraints.fill = GridBagConstraints.HORIZONTAL;
        panel.add(field, constraints);
    }
}
