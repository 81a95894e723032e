package io.supporthub.hub.channelevent;

import io.supporthub.channels.RawPayload;

/** A path that takes a payload kept aside again: the channel's parser and the {@link ChannelEventHandler}. */
public interface Replayable {

    /** Runs the payload through again, without checking its signature (it was checked on receipt). */
    Replayed replay(RawPayload raw);
}
