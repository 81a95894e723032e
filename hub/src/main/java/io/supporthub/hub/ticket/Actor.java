package io.supporthub.hub.ticket;

/** Who or what moves a ticket from one state to another (the rows of DESIGN.md's transition table). */
public enum Actor {
    /** An agent, from the hub or the API. */
    AGENT,
    /** The customer wrote a message. */
    CUSTOMER_MESSAGE,
    /** The customer confirmed a resolved ticket is done (bot: close). */
    CUSTOMER_CONFIRMS,
    /**
     * The customer closed a request that was still open-type (bot: "Close my request"): it is resolved on their word,
     * then closed as {@link #CUSTOMER_CONFIRMS}.
     */
    CUSTOMER_CLOSES,
    /** The customer said a resolved ticket is not solved (rating prompt). */
    CUSTOMER_NOT_SOLVED,
    /** The postponed-until time came. */
    POSTPONE_TIMER,
    /** A resolved ticket was left alone for AUTO_CLOSE_DAYS. */
    AUTO_CLOSE
}
