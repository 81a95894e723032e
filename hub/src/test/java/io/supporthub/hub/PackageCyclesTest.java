package io.supporthub.hub;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the hub's compiled classes and fails when one package depends on a package that depends on it, directly or
 * around a loop. Every class a class file names (its constant pool: referenced classes and the types in descriptors
 * and signatures) counts as a dependency of its package.
 */
class PackageCyclesTest {

    private static final Pattern HUB_TYPE = Pattern.compile("io/supporthub/hub/((?:[a-z_][a-z0-9_]*/)*)[A-Za-z_$][\\w$]*");
    private static final String ROOT = "(root)";

    @Test
    void no_package_inside_hub_depends_on_a_package_that_depends_on_it() throws Exception {
        Map<String, Map<String, String>> graph = packageGraph(classesFolder());

        assertThat(graph).as("the hub's packages, read from the class files").hasSizeGreaterThan(20);
        assertThat(graph.get("ticket")).as("what ticket depends on").containsKey("db");

        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                StringBuilder cycle = new StringBuilder("packages in a loop: " + component);
                for (String from : component) {
                    graph.get(from).forEach((to, example) -> {
                        if (component.contains(to)) {
                            cycle.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(example).append(')');
                        }
                    });
                }
                cycles.add(cycle.toString());
            }
        }
        assertThat(cycles).as("package cycles inside hub").isEmpty();
    }

    private static Path classesFolder() throws URISyntaxException {
        Path folder = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(folder.resolve("io/supporthub/hub/App.class")).as("the hub's compiled classes").exists();
        return folder;
    }

    /** Package to the packages it uses, each with one class that shows the dependency ("Inbox uses Ticket"). */
    private static Map<String, Map<String, String>> packageGraph(Path classes) throws IOException {
        Path hub = classes.resolve("io/supporthub/hub");
        Map<String, Map<String, String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(hub)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = packageOf(hub.relativize(file.getParent()).toString().replace('\\', '/'));
                Map<String, String> uses = graph.computeIfAbsent(from, p -> new TreeMap<>());
                String className = file.getFileName().toString().replace(".class", "");
                for (String type : referencedTypes(file)) {
                    Matcher m = HUB_TYPE.matcher(type);
                    while (m.find()) {
                        String to = packageOf(m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1));
                        if (!to.equals(from)) {
                            uses.putIfAbsent(to, className + " uses " + m.group().substring(m.group().lastIndexOf('/') + 1));
                        }
                    }
                }
            }
        }
        return graph;
    }

    private static String packageOf(String relativePath) {
        return relativePath.isEmpty() ? ROOT : relativePath.replace('/', '.');
    }

    /** The UTF-8 constants of a class file that name types (class names, descriptors, signatures), not string literals. */
    private static List<String> referencedTypes(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException(classFile + " is not a class file");
            }
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            Set<Integer> literals = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> literals.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            List<String> types = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                if (utf8[i] != null && !literals.contains(i)) {
                    types.add(utf8[i]);
                }
            }
            return types;
        }
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
