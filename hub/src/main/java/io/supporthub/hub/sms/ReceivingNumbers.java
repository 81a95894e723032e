package io.supporthub.hub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.message.MessageQueries;
import io.supporthub.hub.notification.SettingQueries;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers of ours that customers have written to by SMS (the {@code our_address} of inbound messages): the
 * account's numbers pointed at the hub need not all be {@code TWILIO_FROM}, and reconciliation lists each of them.
 * They are kept in the {@code setting} row {@value #KEY} with how far the message table has been read, so that each
 * call reads only the messages stored since, by primary key. It reads the range of the call before once more, for a
 * message that had its id but was not yet committed then (not the first call's: that one read the whole table).
 */
final class ReceivingNumbers {

    static final String KEY = "sms.numbers";

    private ReceivingNumbers() {
    }

    /** Reads on from where the last call stopped; returns every number received on so far, sorted. */
    static List<String> refresh(Handle handle, Instant now) {
        SettingQueries settings = new SettingQueries(handle);
        JsonNode stored = settings.read(KEY).orElse(null);
        TreeSet<String> numbers = new TreeSet<>();
        long readTo = 0;
        long rereadFrom = 0;
        if (stored != null) {
            stored.path("numbers").forEach(number -> numbers.add(number.asText()));
            readTo = stored.path("readTo").asLong();
            rereadFrom = stored.path("rereadFrom").asLong();
        }
        MessageQueries messages = new MessageQueries(handle);
        long last = messages.lastId();
        numbers.addAll(messages.ourAddressesOfInbound(ChannelKind.SMS, rereadFrom, last));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("numbers", List.copyOf(numbers));
        value.put("readTo", last);
        value.put("rereadFrom", stored == null ? last : readTo);
        settings.write(KEY, value, now);
        return List.copyOf(numbers);
    }
}
