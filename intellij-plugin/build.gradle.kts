// Builds the installable plugin against the real IntelliJ Platform (needs JetBrains' repositories):
//   ./gradlew buildPlugin   -> build/distributions/same-intellij-plugin-<version>.zip
//   ./gradlew runIde        -> a sandbox IDE with the plugin installed
// The Maven build compiles the same sources against sdk-stubs/ instead; the stubs are never used here.
plugins {
    java
    id("org.jetbrains.intellij.platform") version "2.1.0"
}

group = "dev.same"
version = "0.1.0"

allprojects {
    repositories {
        mavenCentral()
    }
}

subprojects {
    apply(plugin = "java-library")
    extensions.configure<JavaPluginExtension> {
        toolchain.languageVersion.set(JavaLanguageVersion.of(21))
    }
}

project(":protocol") {
    dependencies {
        "api"("org.eclipse.lsp4j:org.eclipse.lsp4j.jsonrpc:1.0.0")
        "api"("com.google.code.gson:gson:2.13.2")
    }
    extensions.configure<SourceSetContainer> {
        named("main") { java.setSrcDirs(listOf("src/main/java")) }
    }
}

project(":core") {
    dependencies {
        "api"(project(":protocol"))
    }
    extensions.configure<SourceSetContainer> {
        named("main") { java.setSrcDirs(listOf("src/main/java")) }
    }
}

repositories {
    intellijPlatform {
        defaultRepositories()
    }
}

java {
    toolchain.languageVersion.set(JavaLanguageVersion.of(21))
}

dependencies {
    implementation(project(":core"))
    intellijPlatform {
        intellijIdeaCommunity("2024.2")
        bundledPlugin("org.jetbrains.plugins.yaml")
        instrumentationTools()
    }
}

intellijPlatform {
    pluginConfiguration {
        ideaVersion {
            sinceBuild = "242"
            untilBuild = provider { null }
        }
    }
}

// the JSON Schema written at the repository root, bundled as /schemas/same.schema.json
tasks.processResources {
    from(rootDir.resolve("../same.schema.json")) {
        into("schemas")
    }
}
