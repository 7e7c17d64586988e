package dev.same.intellij.editor;

import com.intellij.openapi.project.Project;
import com.intellij.openapi.vfs.VirtualFile;
import com.jetbrains.jsonSchema.extension.JsonSchemaFileProvider;
import com.jetbrains.jsonSchema.extension.JsonSchemaProviderFactory;
import com.jetbrains.jsonSchema.extension.SchemaType;
import dev.same.intellij.core.samefile.WorkspaceRoot;
import java.util.List;

/** Maps same.yaml and same.work.yaml to the bundled same.schema.json (completion, validation, docs on hover). */
public final class SameJsonSchemaProviderFactory implements JsonSchemaProviderFactory {

    @Override
    public List<JsonSchemaFileProvider> getProviders(Project project) {
        return List.of(new Provider());
    }

    private static final class Provider implements JsonSchemaFileProvider {
        @Override
        public boolean isAvailable(VirtualFile file) {
            return WorkspaceRoot.isConfigFile(file.getName());
        }

        @Override
        public String getName() {
            return "same";
        }

        @Override
        public VirtualFile getSchemaFile() {
            return JsonSchemaProviderFactory.getResourceFile(SameJsonSchemaProviderFactory.class,
                    "/schemas/same.schema.json");
        }

        @Override
        public SchemaType getSchemaType() {
            return SchemaType.embeddedSchema;
        }
    }
}
