package io.supporthub.templates;

import com.github.mustachejava.Code;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.ValueCode;

import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a compiled template reads only known variables. A value must be a known name ({@code customer.name});
 * a section ({@code {{#customer}}}) may open a known name or the start of one, and inside it a name is read as
 * itself or after the section's name ({@code {{#customer}}{{name}}{{/customer}}}); {@code {{.}}} only inside a section
 * on a known name. So nothing reaches past a variable into the methods of its value ({@code customer.name.bytes}).
 */
final class TemplateNames {

    private final Set<String> known;

    private TemplateNames(Set<String> known) {
        this.known = known;
    }

    /** @throws IllegalArgumentException naming the first unknown variable and the known ones */
    static void check(Code template, Set<String> known) {
        new TemplateNames(known).walk(template.getCodes(), null);
    }

    private void walk(Code[] codes, String section) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof ValueCode) {
                String name = resolve(code.getName(), section);
                if (name == null || !known.contains(name)) {
                    throw unknown(code.getName());
                }
            } else if (code instanceof IterableCode) {
                String name = resolve(code.getName(), section);
                if (name == null || !known.contains(name) && !isPrefix(name)) {
                    throw unknown(code.getName());
                }
                walk(code.getCodes(), name);
            } else {
                walk(code.getCodes(), section);
            }
        }
    }

    /** The full name a name inside a section stands for, or null when it stands for none. */
    private String resolve(String name, String section) {
        if (".".equals(name)) {
            return section != null && known.contains(section) ? section : null;
        }
        if (section != null && (known.contains(section + "." + name) || isPrefix(section + "." + name))) {
            return section + "." + name;
        }
        return name;
    }

    private boolean isPrefix(String name) {
        return known.stream().anyMatch(k -> k.startsWith(name + "."));
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown variable '" + name + "'; the variables are "
                + String.join(", ", new TreeSet<>(known)));
    }
}
