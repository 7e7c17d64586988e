rootProject.name = "same-intellij-plugin"

// core/ (plain Java 21, tested with Maven against a real daemon) and the protocol module it uses are built from
// their Maven sources, so the plugin ships exactly the code the Maven build tests.
include("core", "protocol")
project(":protocol").projectDir = file("../protocol")
