package dev.same.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform layer, compiled against sdk-stubs/, may reference only the stubs (the IntelliJ classes it uses), the
 * JDK, core and protocol: read from the constant pools, descriptors and signatures of its class files. And the
 * stubs hold nothing the plugin does not use, each naming the IntelliJ Platform source it mirrors.
 */
class PlatformReferencesTest {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Path PLUGIN_CLASSES = Path.of(System.getProperty("plugin.classes", "target/classes"));
    private static final Path STUB_SOURCES = Path.of(System.getProperty("stubs.dir", "sdk-stubs/src/main/java"));
    private static final Set<String> JDK_PACKAGES = jdkPackages();

    @Test
    void thePluginReferencesOnlyTheStubsTheJdkCoreAndProtocol() throws IOException {
        Set<String> stubs = stubClasses();
        Set<String> own = pluginClasses().keySet();
        Map<String, Set<String>> outside = new TreeMap<>();
        pluginClasses().forEach((name, model) -> {
            for (String referenced : references(model)) {
                if (!own.contains(referenced) && !isStub(referenced, stubs) && !isJdk(referenced)
                        && !referenced.startsWith("dev/same/intellij/core/") && !referenced.startsWith("dev/same/protocol/")) {
                    outside.computeIfAbsent(referenced, r -> new TreeSet<>()).add(name);
                }
            }
        });
        assertEquals(Map.of(), outside, "classes referenced from outside the stubs, the JDK, core and protocol");
        assertTrue(own.size() > 15, "the plugin's classes were found in " + PLUGIN_CLASSES + ": " + own);
    }

    @Test
    void theScanSeesReferencesInSupertypesCallsAndSignatures() {
        byte[] bytes = ClassFile.of().build(ClassDesc.of("x.Probe"), probe -> probe
                .withSuperclass(ClassDesc.of("com.example.Base"))
                .withMethod("m", MethodTypeDesc.of(ConstantDescs.CD_void, ClassDesc.of("com.example.Param")),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, method -> method.withCode(code -> code
                                .invokestatic(ClassDesc.of("com.example.Util"), "call",
                                        MethodTypeDesc.of(ClassDesc.of("com.example.Result")))
                                .pop()
                                .return_())));
        Set<String> seen = references(ClassFile.of().parse(bytes));
        assertTrue(seen.containsAll(Set.of("com/example/Base", "com/example/Param", "com/example/Util",
                "com/example/Result")), seen.toString());
    }

    @Test
    void everyStubIsUsedByThePluginAndNamesTheSourceItMirrors() throws IOException {
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> stubs = stubClasses();
        pluginClasses().values().forEach(model -> queue.addAll(references(model)));
        while (!queue.isEmpty()) {
            String name = queue.pop();
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            if (stubs.contains(outer) && reached.add(outer)) {
                queue.addAll(references(stubModel(outer)));
            }
        }
        assertEquals(new TreeSet<>(stubs), new TreeSet<>(reached), "stubs the plugin does not use");
        try (Stream<Path> files = Files.walk(STUB_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                assertTrue(text.contains("// Mirrors intellij-community ") && text.contains("IntelliJ Platform 2024.2 (242)"),
                        file + " does not name the IntelliJ Platform source it mirrors");
            }
        }
    }

    @Test
    void pluginXmlNamesOnlyClassesOfThePlugin() throws IOException {
        Set<String> own = pluginClasses().keySet();
        Path resources = PLUGIN_CLASSES.resolve("META-INF");
        Pattern attribute = Pattern.compile("(?:implementation|implementationClass|serviceImplementation|factoryClass)=\"([\\w.]+)\"");
        int named = 0;
        for (String xml : List.of("plugin.xml", "same-json-schema.xml")) {
            Matcher match = attribute.matcher(Files.readString(resources.resolve(xml)));
            while (match.find()) {
                named++;
                assertTrue(own.contains(match.group(1).replace('.', '/')), xml + " names " + match.group(1));
            }
        }
        assertEquals(8, named);
    }

    private static boolean isStub(String name, Set<String> stubs) {
        return stubs.contains(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
    }

    private static boolean isJdk(String name) {
        int slash = name.lastIndexOf('/');
        return slash > 0 && JDK_PACKAGES.contains(name.substring(0, slash).replace('/', '.'));
    }

    private static Set<String> jdkPackages() {
        Set<String> packages = new HashSet<>();
        ModuleLayer.boot().modules().stream().filter(module -> module.getName().startsWith("java.")
                || module.getName().startsWith("jdk.")).forEach(module -> packages.addAll(module.getPackages()));
        return packages;
    }

    /** Internal names of the stubs, from their source files' paths. */
    private static Set<String> stubClasses() throws IOException {
        try (Stream<Path> files = Files.walk(STUB_SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> STUB_SOURCES.relativize(file).toString().replace('\\', '/').replaceAll("\\.java$", ""))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static Map<String, ClassModel> pluginClasses() throws IOException {
        Map<String, ClassModel> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(PLUGIN_CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                classes.put(model.thisClass().asInternalName(), model);
            }
        }
        return classes;
    }

    private static ClassModel stubModel(String internalName) {
        try (InputStream in = PlatformReferencesTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new AssertionError("stub " + internalName + " is not compiled on the test class path");
            }
            return ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class a class file names: pool class entries, member and call descriptors, generic signatures. */
    static Set<String> references(ClassModel model) {
        Set<String> names = new HashSet<>();
        for (PoolEntry entry : model.constantPool()) {
            switch (entry) {
                case ClassEntry type -> addDescriptorOrName(type.asInternalName(), names);
                case NameAndTypeEntry nameAndType -> addDescriptor(nameAndType.type().stringValue(), names);
                case MethodTypeEntry methodType -> addDescriptor(methodType.descriptor().stringValue(), names);
                default -> {
                }
            }
        }
        model.fields().forEach(field -> {
            addDescriptor(field.fieldType().stringValue(), names);
            field.findAttribute(Attributes.signature()).ifPresent(s -> addDescriptor(s.signature().stringValue(), names));
        });
        model.methods().forEach(method -> {
            addDescriptor(method.methodType().stringValue(), names);
            method.findAttribute(Attributes.signature()).ifPresent(s -> addDescriptor(s.signature().stringValue(), names));
        });
        model.findAttribute(Attributes.signature()).ifPresent(s -> addDescriptor(s.signature().stringValue(), names));
        names.remove(model.thisClass().asInternalName());
        return names;
    }

    private static void addDescriptorOrName(String name, Set<String> names) {
        if (name.startsWith("[")) {
            addDescriptor(name, names);
        } else {
            names.add(name);
        }
    }

    private static void addDescriptor(String descriptor, Set<String> names) {
        Matcher match = DESCRIPTOR_CLASS.matcher(descriptor);
        while (match.find()) {
            names.add(match.group(1));
        }
    }
}
