package io.supporthub.hub.apichannel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.supporthub.hub.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON body of a reply posted to the callback: the delivery's and message's ids, the ticket, the customer as the
 * generic channel knows them (their user id, email, phone, name), the text, the files' names, the agent, when.
 */
final class CallbackPayloads {

    private CallbackPayloads() {
    }

    /** The message's body, or empty when the message is gone. */
    static Optional<byte[]> body(Handle handle, long messageId, Instant sentAt) {
        Optional<Map<String, Object>> row = handle.createQuery("""
                        select m.id, m.ticket_id, t.number, m.text, m.author_agent_id, ag.name as agent_name,
                               a.kind as address_kind, a.value as address_value, c.id as contact_id, c.name as contact_name
                        from message m
                        join ticket t on t.id = m.ticket_id
                        left join agent ag on ag.id = m.author_agent_id
                        left join contact_address a on a.id = m.address_id
                        left join contact c on c.id = a.contact_id
                        where m.id = :id""")
                .bind("id", messageId)
                .mapToMap()
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = row.get();
        Map<String, Object> customer = new LinkedHashMap<>();
        Object contactId = m.get("contact_id");
        customer.put("contactId", contactId);
        customer.put("name", m.get("contact_name"));
        if ("api".equals(m.get("address_kind"))) {
            customer.put("userId", m.get("address_value"));
        }
        if (contactId != null) {
            for (Map<String, Object> address : handle.createQuery("select kind, value from contact_address "
                            + "where contact_id = :contact order by id").bind("contact", contactId).mapToMap().list()) {
                String kind = (String) address.get("kind");
                String key = switch (kind) {
                    case "api" -> "userId";
                    case "email" -> "email";
                    case "phone" -> "phone";
                    default -> null;
                };
                if (key != null) {
                    customer.putIfAbsent(key, address.get("value"));
                }
            }
        }
        List<Map<String, Object>> files = new ArrayList<>();
        handle.createQuery("select file_name, content_type, size_bytes from attachment where message_id = :id order by id")
                .bind("id", messageId).mapToMap().forEach(file -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", file.get("file_name"));
                    entry.put("contentType", file.get("content_type"));
                    entry.put("size", file.get("size_bytes"));
                    files.add(entry);
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", String.valueOf(messageId));
        body.put("ticketId", m.get("ticket_id"));
        body.put("ticketNumber", m.get("number"));
        body.put("messageId", m.get("id"));
        body.put("customer", customer);
        body.put("text", m.get("text"));
        body.put("attachments", files);
        Map<String, Object> agent = null;
        if (m.get("author_agent_id") != null) {
            agent = new LinkedHashMap<>();
            agent.put("id", m.get("author_agent_id"));
            agent.put("name", m.get("agent_name"));
        }
        body.put("agent", agent);
        body.put("sentAt", sentAt.toString());
        try {
            return Optional.of(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the callback body of message " + messageId + " cannot be written", e);
        }
    }
}
