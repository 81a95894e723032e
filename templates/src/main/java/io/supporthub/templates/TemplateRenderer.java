package io.supporthub.templates;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SafeMustacheFactory;
import com.github.mustachejava.reflect.MapObjectHandler;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders Mustache templates ({@code {{customer.name}}}, {@code {{#agent.name}}...{{/agent.name}}}) with variables
 * given as nested maps or records. The same template renders unescaped ({@link TextMode#PLAIN}) or HTML-escaped
 * ({@link TextMode#HTML}). Templates are edited by admins at run time, so the dialect is Mustache's safe subset:
 * no partials, no pragmas, no triple braces; variables are read from maps only, never by calling a method of a value
 * ({@code {{customer.name.bytes}}} renders nothing). A missing variable renders empty.
 * Compiled templates are kept in a bounded cache; instances are thread-safe and meant to be shared.
 */
public final class TemplateRenderer {
    public static final int DEFAULT_CACHE_SIZE = 500;
    /** A resource root nothing is ever read from: no partial name is allowed. */
    private static final String NO_PARTIALS_ROOT = "io/supporthub/templates/no-partials";

    private final SafeMustacheFactory plainFactory = mapsOnly(new PlainFactory());
    private final SafeMustacheFactory htmlFactory = mapsOnly(new SafeMustacheFactory(Set.of(), NO_PARTIALS_ROOT));
    private final BoundedCache<Key, Mustache> cache;

    public TemplateRenderer() {
        this(DEFAULT_CACHE_SIZE);
    }

    /** @param cacheSize how many compiled templates (per mode) to keep */
    public TemplateRenderer(int cacheSize) {
        this.cache = new BoundedCache<>(cacheSize * 2);
    }

    /**
     * @param template  the template text
     * @param variables nested maps with String keys ({@link TemplateVariables#asMap()}); null means none
     * @throws IllegalArgumentException when the template is not valid (see {@link #validate(String)})
     */
    public String render(String template, Object variables, TextMode mode) {
        Objects.requireNonNull(mode, "mode");
        Mustache compiled = cache.get(new Key(template == null ? "" : template, mode), this::compile);
        StringWriter out = new StringWriter();
        try {
            compiled.execute(out, variables == null ? Map.of() : variables).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("template could not be rendered: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public String renderPlain(String template, Object variables) {
        return render(template, variables, TextMode.PLAIN);
    }

    public String renderHtml(String template, Object variables) {
        return render(template, variables, TextMode.HTML);
    }

    /**
     * Checks a template as an admin saves it: its syntax, and that it reads only the variables given.
     *
     * @param variables the dotted names the template may read, e.g. {@link TemplateVariables#TICKET}
     * @throws IllegalArgumentException with a message that says what is wrong and where, or which variable is unknown
     */
    public void validate(String template, Set<String> variables) {
        TemplateNames.check(cache.get(new Key(template == null ? "" : template, TextMode.HTML), this::compile), variables);
    }

    private static <F extends SafeMustacheFactory> F mapsOnly(F factory) {
        factory.setObjectHandler(new MapObjectHandler());
        return factory;
    }

    private Mustache compile(Key key) {
        SafeMustacheFactory factory = key.mode() == TextMode.PLAIN ? plainFactory : htmlFactory;
        try {
            return factory.compile(new StringReader(key.template()), "template");
        } catch (MustacheException e) {
            throw new IllegalArgumentException("invalid template: " + describe(e), e);
        }
    }

    private static String describe(MustacheException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Disallowed: resource requested")) {
            return "partials ({{> name}}) are not supported";
        }
        if (message.contains("non-encoded text")) {
            return "unescaped variables ({{{name}}} or {{& name}}) are not supported";
        }
        return message;
    }

    int cachedTemplates() {
        return cache.size();
    }

    private record Key(String template, TextMode mode) {
    }

    /** The safe dialect, writing values as they are. */
    private static final class PlainFactory extends SafeMustacheFactory {
        PlainFactory() {
            super(Set.of(), NO_PARTIALS_ROOT);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("failed to write a value", e);
            }
        }
    }
}
