package io.supporthub.hub.ui;

import io.supporthub.channels.AddressKind;
import io.supporthub.channels.ChannelKind;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.contact.AddressRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A channel tab of the reply box: the address it reaches, or why it cannot be used. */
public record ReplyTab(String channel, String label, String address, boolean enabled, String reason, boolean selected) {

    /**
     * One tab per channel the customer has an address on, in channel order; the preferred one (the last used) is
     * selected when it can be used, else the first usable one.
     */
    static List<ReplyTab> of(List<AddressRow> addresses, long ticketId, ChannelKind preferred, ChannelReadiness readiness) {
        Map<ChannelKind, AddressRow> best = new LinkedHashMap<>();
        List<AddressRow> ordered = new ArrayList<>(addresses);
        ordered.sort(Comparator.comparing((AddressRow a) -> !Long.valueOf(ticketId).equals(a.lastTicketId()))
                .thenComparing(AddressRow::id, Comparator.reverseOrder()));
        for (AddressRow address : ordered) {
            ChannelKind channel = ChannelKind.forAddress(AddressKind.fromWire(address.kind()));
            best.putIfAbsent(channel, address);
        }
        List<ReplyTab> tabs = new ArrayList<>();
        for (ChannelKind channel : ChannelKind.values()) {
            AddressRow address = best.get(channel);
            if (address == null) {
                continue;
            }
            String reason = readiness.problem(channel)
                    .orElse(!address.reachable() ? "Unreachable: " + address.unreachableReason() : null);
            tabs.add(new ReplyTab(channel.wireName(), Format.channelLabel(channel.wireName()), address.value(),
                    reason == null, reason, false));
        }
        String selected = tabs.stream().filter(t -> t.enabled && t.channel.equals(preferred.wireName())).findFirst()
                .or(() -> tabs.stream().filter(ReplyTab::enabled).findFirst()).map(ReplyTab::channel).orElse(null);
        return tabs.stream().map(t -> new ReplyTab(t.channel, t.label, t.address, t.enabled, t.reason,
                t.channel.equals(selected))).toList();
    }
}
