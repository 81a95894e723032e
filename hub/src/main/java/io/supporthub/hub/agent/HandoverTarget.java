package io.supporthub.hub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.error.Refusal;

/** Where a leaver's open tickets go: to another agent, to a group's queue, or unassigned in the queues they are in. */
public record HandoverTarget(Long agentId, Long groupId, boolean queue) {

    /** Reads {@code {"to": {"agentId": n} | {"groupId": n} | {"queue": true}}}. */
    public static HandoverTarget from(JsonNode body) {
        JsonNode to = body == null ? null : body.get("to");
        if (to == null || !to.isObject()) {
            throw Refusal.invalid("'to' is required: {\"agentId\": n} | {\"groupId\": n} | {\"queue\": true}");
        }
        int given = (to.has("agentId") ? 1 : 0) + (to.has("groupId") ? 1 : 0) + (to.path("queue").asBoolean(false) ? 1 : 0);
        if (given != 1) {
            throw Refusal.invalid("'to' takes exactly one of agentId, groupId or queue: true");
        }
        if (to.has("agentId") && !to.get("agentId").canConvertToLong()) {
            throw Refusal.invalid("'to.agentId' must be a number");
        }
        if (to.has("groupId") && !to.get("groupId").canConvertToLong()) {
            throw Refusal.invalid("'to.groupId' must be a number");
        }
        return new HandoverTarget(to.has("agentId") ? to.get("agentId").asLong() : null,
                to.has("groupId") ? to.get("groupId").asLong() : null, to.path("queue").asBoolean(false));
    }
}
