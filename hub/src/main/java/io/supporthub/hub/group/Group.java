package io.supporthub.hub.group;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A group of employees: the queue tickets are in. {@code members} work its queue; {@code notifyList} ("notify" in the API) are told of a ticket
 * arriving in it unassigned. At most one group is the escalation target; a hidden group keeps its tickets but takes no
 * new ones.
 */
public record Group(long id, String name, List<Long> members, @JsonProperty("notify") List<Long> notifyList, boolean escalationTarget,
                    boolean hidden) {

    /** The ticket's derived line: 2 in the escalation group, else 1 (the API's compatible {@code line}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int derivedLine() {
        return escalationTarget ? 2 : 1;
    }
}
