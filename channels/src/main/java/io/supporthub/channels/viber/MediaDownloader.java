package io.supporthub.channels.viber;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches the file behind a media URL of an inbound Viber message. Viber's media URLs are public and expire after a
 * while, so the hub fetches them while handling the callback.
 */
@FunctionalInterface
public interface MediaDownloader {

    /**
     * @param maxBytes the largest file accepted; a larger one comes back as {@link Download.TooLarge} without being
     *                 read to the end
     * @throws IOException on a passing failure (network, HTTP 5xx): the webhook answers 5xx and Viber retries
     */
    Download fetch(URI url, long maxBytes) throws IOException, InterruptedException;

    /** What came of a fetch. */
    sealed interface Download {
    }

    /** The bytes, with the content type the server gave (or null). */
    record Fetched(byte[] content, String contentType) implements Download {
    }

    /** The file is larger than the limit; {@code size} is its size when known, else the limit exceeded. */
    record TooLarge(long size) implements Download {
    }

    /** The server refused for good (HTTP 4xx, an expired link): the message is kept without the file. */
    record Gone(String reason) implements Download {
    }
}
