package io.supporthub.channels.viber;

import io.supporthub.channels.Attachment;
import io.supporthub.channels.OutboundMessage;
import java.net.URI;

/**
 * Where Viber can download an outgoing attachment. Viber's send_message takes files by public URL only (no upload),
 * so the hub serves its stored attachments over HTTP and plugs its URL maker in here; {@link SignedMediaUrls} is a
 * ready one. A picture's URL must end with its file name (Viber checks for .jpg, .png or .gif).
 */
@FunctionalInterface
public interface AttachmentUrls {

    /**
     * @param message the message being sent
     * @param index   the attachment's position in {@link OutboundMessage#attachments()}
     */
    URI urlFor(OutboundMessage message, int index, Attachment attachment);
}
