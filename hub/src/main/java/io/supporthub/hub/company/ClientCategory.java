package io.supporthub.hub.company;

/** A client category (Client, Partner, VIP client, ...): a list seniors and admins edit, in {@code position} order. */
public record ClientCategory(long id, String name, Integer position) {
}
