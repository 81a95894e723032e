package io.supporthub.templates.canned;

/**
 * A default canned reply.
 *
 * @param position 1-based order within its group
 * @param title    what agents pick it by
 * @param body     a Mustache template (customer.name, ticket.number, agent.name, company.name ...)
 */
public record CannedReply(int position, String title, String body) {
}
