package io.supporthub.templates;

/** How variable values are written into a rendered template. */
public enum TextMode {
    /** No escaping: SMS, Telegram, Viber and the text part of an email. */
    PLAIN,
    /** Values HTML-escaped: the HTML part of an email, web pages. */
    HTML
}
