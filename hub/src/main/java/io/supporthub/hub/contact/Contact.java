package io.supporthub.hub.contact;

import java.time.Instant;

public record Contact(long id, String name, String language, Instant createdAt) {
}
