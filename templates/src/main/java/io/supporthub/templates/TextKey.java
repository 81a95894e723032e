package io.supporthub.templates;

import java.util.Optional;

/** Every default text, by the key it has in {@code texts_<language>.properties}. */
public enum TextKey {
    STATUS_OPEN("status.open"),
    STATUS_PENDING("status.pending"),
    STATUS_AWAITING_REPLY("status.awaiting_reply"),
    STATUS_POSTPONED("status.postponed"),
    STATUS_RESOLVED("status.resolved"),
    STATUS_CLOSED("status.closed"),

    CREATED_SUBJECT("notify.created.subject"),
    CREATED_TEXT("notify.created.text"),
    RESOLVED_SUBJECT("notify.resolved.subject"),
    RESOLVED_TEXT("notify.resolved.text"),
    STATUS_CHANGED_SUBJECT("notify.status_changed.subject"),
    STATUS_CHANGED_TEXT("notify.status_changed.text"),
    REPLY_SUBJECT("notify.reply.subject"),
    REPLY_TEXT("notify.reply.text"),
    ASSIGNED_SUBJECT("notify.assigned.subject"),
    ASSIGNED_TEXT("notify.assigned.text"),
    MENTIONED_SUBJECT("notify.mentioned.subject"),
    MENTIONED_TEXT("notify.mentioned.text"),
    QUEUED_SUBJECT("notify.queued.subject"),
    QUEUED_TEXT("notify.queued.text"),

    BOT_GREETING("bot.greeting"),
    BOT_MENU("bot.menu"),
    BOT_HELP("bot.help"),
    BOT_BUTTON_NEW("bot.button.new"),
    BOT_BUTTON_LIST("bot.button.list"),
    BOT_BUTTON_CLOSE("bot.button.close"),
    BOT_BUTTON_MENU("bot.button.menu"),
    BOT_BUTTON_NOT_SOLVED("bot.button.not_solved"),
    BOT_BUTTON_SKIP("bot.button.skip"),
    BOT_NEW_PROMPT("bot.new.prompt"),
    BOT_TICKET_OPENED("bot.ticket_opened"),
    BOT_LIST_HEADER("bot.list.header"),
    BOT_LIST_ITEM("bot.list.item"),
    BOT_LIST_CHOOSE("bot.list.choose"),
    BOT_LIST_EMPTY("bot.list.empty"),
    BOT_TICKET_BUTTON("bot.ticket.button"),
    BOT_ADD_PROMPT("bot.add.prompt"),
    BOT_ADDED("bot.added"),
    BOT_CLOSE_CHOOSE("bot.close.choose"),
    BOT_CLOSE_NONE("bot.close.none"),
    BOT_CLOSED("bot.closed"),
    BOT_CLOSE_ALREADY("bot.close.already"),
    BOT_RATING_PROMPT("bot.rating.prompt"),
    BOT_RATING_THANKS("bot.rating.thanks"),
    BOT_RATING_COMMENT_SAVED("bot.rating.comment_saved"),
    BOT_RATING_SKIPPED("bot.rating.skipped"),
    BOT_NOT_SOLVED("bot.not_solved"),
    BOT_NOT_SOLVED_ALREADY_OPEN("bot.not_solved.already_open"),
    BOT_NOT_FOUND("bot.not_found");

    private final String property;

    TextKey(String property) {
        this.property = property;
    }

    /** The key in the properties files (and a stable name for storing admin overrides). */
    public String property() {
        return property;
    }

    /** The label key of a base status given by its wire name ({@code open}, {@code awaiting_reply} ...). */
    public static Optional<TextKey> forStatus(String wireStatus) {
        if (wireStatus == null) {
            return Optional.empty();
        }
        String property = "status." + wireStatus;
        for (TextKey key : values()) {
            if (key.property.equals(property)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public static Optional<TextKey> forProperty(String property) {
        for (TextKey key : values()) {
            if (key.property.equals(property)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
