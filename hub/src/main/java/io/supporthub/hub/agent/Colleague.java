package io.supporthub.hub.agent;

/** What an agent who is not an administrator sees of a colleague: enough to assign and mention, no email or role. */
public record Colleague(long id, String name, int line, boolean active) {

    static Colleague of(Agent agent) {
        return new Colleague(agent.id(), agent.name(), agent.line(), agent.active());
    }
}
