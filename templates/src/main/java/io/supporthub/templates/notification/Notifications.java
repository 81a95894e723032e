package io.supporthub.templates.notification;

import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TextSource;

import java.util.Map;
import java.util.Objects;

/** Renders notifications in the reader's language: subject and text unescaped, the HTML part escaped. Thread-safe. */
public final class Notifications {
    private final TextSource texts;
    private final TemplateRenderer renderer;
    private final HtmlEmail htmlEmail;

    public Notifications(TextSource texts, TemplateRenderer renderer) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.htmlEmail = new HtmlEmail(renderer);
    }

    /**
     * @param language  the reader's language tag (fallback to English, see {@code Languages.resolve})
     * @param variables e.g. {@code TemplateVariables.create().customer("Anna").ticket(1042, "Screen", "Open").asMap()}
     */
    public RenderedNotification render(Notification notification, String language, Map<String, ?> variables) {
        String subject = renderer.renderPlain(texts.template(language, notification.subjectKey()), variables)
                .replaceAll("\\s+", " ").strip();
        String text = renderer.renderPlain(texts.template(language, notification.textKey()), variables).strip();
        return new RenderedNotification(subject, text, htmlEmail.wrap(language, subject, text));
    }
}
