package io.supporthub.hub.agent;

/** An agent's photo as stored: a square PNG thumbnail and the tag a browser revalidates it by. */
public record AgentPhoto(byte[] image, String etag) {
}
