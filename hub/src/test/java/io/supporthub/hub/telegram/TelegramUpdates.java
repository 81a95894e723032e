package io.supporthub.hub.telegram;

import io.supporthub.hub.support.TestHub;

import java.util.List;

/** Telegram updates in the Bot API's wire format, from a private chat whose id is the customer's user id. */
final class TelegramUpdates {

    private TelegramUpdates() {
    }

    static String text(long updateId, long chatId, long messageId, String text) {
        return message("message", updateId, chatId, messageId, text);
    }

    static String edited(long updateId, long chatId, long messageId, String text) {
        return message("edited_message", updateId, chatId, messageId, text);
    }

    static String blocked(long updateId, long chatId) {
        return """
                {"update_id": %d, "my_chat_member": {"chat": %s, "from": %s, "date": 1764320000,
                 "old_chat_member": {"status": "member", "user": %s},
                 "new_chat_member": {"status": "kicked", "until_date": 0, "user": %s}}}"""
                .formatted(updateId, chat(chatId), user(chatId), bot(), bot());
    }

    static String callback(long updateId, long chatId, String queryId, String data) {
        return """
                {"update_id": %d, "callback_query": {"id": "%s", "from": %s, "chat_instance": "-77", "data": "%s",
                 "message": {"message_id": 5, "date": 1764320000, "chat": %s, "from": %s, "text": "Menu"}}}"""
                .formatted(updateId, queryId, user(chatId), data, chat(chatId), bot());
    }

    private static String message(String kind, long updateId, long chatId, long messageId, String text) {
        String editDate = kind.equals("edited_message") ? ", \"edit_date\": 1764320100" : "";
        return """
                {"update_id": %d, "%s": {"message_id": %d, "from": %s, "chat": %s, "date": 1764320000%s, "text": "%s"}}"""
                .formatted(updateId, kind, messageId, user(chatId), chat(chatId), editDate, text);
    }

    private static String chat(long chatId) {
        return "{\"id\": %d, \"first_name\": \"Ann\", \"last_name\": \"Lee\", \"type\": \"private\"}".formatted(chatId);
    }

    private static String user(long id) {
        return "{\"id\": %d, \"is_bot\": false, \"first_name\": \"Ann\", \"last_name\": \"Lee\", \"language_code\": \"en\"}"
                .formatted(id);
    }

    private static String bot() {
        return "{\"id\": 123456, \"is_bot\": true, \"first_name\": \"Support\", \"username\": \"support_bot\"}";
    }

    /** The ticket holding the Telegram message {@code chatId:messageId}, or null. */
    static Long ticketOf(TestHub hub, long chatId, long messageId) {
        List<Long> ids = hub.app.transactions().read(handle -> handle
                .createQuery("select ticket_id from message where channel = 'telegram' and external_id = :id")
                .bind("id", chatId + ":" + messageId).mapTo(Long.class).list());
        return ids.isEmpty() ? null : ids.get(0);
    }
}
