package io.supporthub.hub.ui;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Pebble templates under {@code ui/templates}: HTML-escaped by default, compiled once and cached. */
public final class Views {

    private final PebbleEngine engine;

    public Views() {
        ClasspathLoader loader = new ClasspathLoader(Views.class.getClassLoader());
        loader.setPrefix("ui/templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .build();
    }

    public String render(String name, Map<String, Object> model) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter(16_384);
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + name + " failed", e);
        }
        return out.toString();
    }
}
