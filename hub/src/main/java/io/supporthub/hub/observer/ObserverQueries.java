package io.supporthub.hub.observer;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** SQL on {@code ticket_observer}, within the caller's transaction. */
public final class ObserverQueries {

    private static final String OBSERVERS = "select case when o.agent_id is not null then 'agent' else 'group' end as kind, "
            + "coalesce(o.agent_id, o.group_id) as id, "
            + "coalesce((select name from agent where id = o.agent_id), (select name from agent_group where id = o.group_id)) as name "
            + "from ticket_observer o ";

    private final Handle handle;

    public ObserverQueries(Handle handle) {
        this.handle = handle;
    }

    /** The ticket's observers, employees first, each in the order they were added. */
    public List<Observer> of(long ticketId) {
        return handle.createQuery(OBSERVERS + "where o.ticket_id = :ticketId order by o.agent_id is null, o.id")
                .bind("ticketId", ticketId)
                .map((rs, ctx) -> new Observer(rs.getString("kind"), rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** Adds the observer; false when it was already there (nothing changes). */
    public boolean add(long ticketId, Observer observer, long addedBy, Instant now) {
        String column = observer.isAgent() ? "agent_id" : "group_id";
        return handle.createUpdate("insert into ticket_observer (ticket_id, " + column + ", added_by, added_at) "
                        + "values (:ticketId, :id, :addedBy, :now) on conflict do nothing")
                .bind("ticketId", ticketId).bind("id", observer.id()).bind("addedBy", addedBy).bind("now", now)
                .execute() == 1;
    }

    /**
     * A new ticket's default observers: those of its company and of its contact, in one statement (an observer of
     * both is added once; nobody adds them, so {@code added_by} stays empty).
     */
    public void addDefaults(long ticketId, Instant now) {
        handle.createUpdate("insert into ticket_observer (ticket_id, agent_id, group_id, added_at) "
                        + "select t.id, o.agent_id, o.group_id, :now from ticket t "
                        + "join lateral (select agent_id, group_id from company_observer where company_id = t.company_id "
                        + "union select agent_id, group_id from contact_observer where contact_id = t.contact_id) o on true "
                        + "where t.id = :ticketId on conflict do nothing")
                .bind("ticketId", ticketId).bind("now", now).execute();
    }

    /** Removes the observer; false when it was not there. */
    public boolean remove(long ticketId, String kind, long id) {
        String column = Observer.AGENT.equals(kind) ? "agent_id" : "group_id";
        return handle.createUpdate("delete from ticket_observer where ticket_id = :ticketId and " + column + " = :id")
                .bind("ticketId", ticketId).bind("id", id).execute() == 1;
    }

    /**
     * The employees to tell of what happens on the ticket: the active ones watching it themselves or through a group
     * they are a member of, each once. This is where a per-employee preference (email, live) will filter.
     */
    public List<Long> agentsToTell(long ticketId) {
        return handle.createQuery("select a.id from agent a where a.active and a.id in ("
                        + "select o.agent_id from ticket_observer o where o.ticket_id = :ticketId and o.agent_id is not null "
                        + "union select m.agent_id from ticket_observer o join agent_group_member m on m.group_id = o.group_id "
                        + "where o.ticket_id = :ticketId) order by a.id")
                .bind("ticketId", ticketId).mapTo(Long.class).list();
    }

    /**
     * Of these tickets, those the agent watches, themselves or through a group (an inbox page's rows: at most a page,
     * one index probe each).
     */
    public List<Long> watchedAmong(long agentId, List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("select distinct o.ticket_id from ticket_observer o where o.ticket_id = any(:ids) and "
                        + "(o.agent_id = :agentId or o.group_id in (select group_id from agent_group_member where agent_id = :agentId))")
                .bind("agentId", agentId).bindArray("ids", Long.class, ticketIds).mapTo(Long.class).list();
    }

    /** Past this many watched tickets a list reads its index in order and checks each row against the set instead. */
    static final int MANY_WATCHED = 300;

    /**
     * The SQL condition on {@code ticket t}: the agent, bound as {@code :watcherParameter}, watches it, themselves or
     * through a group they are a member of. Without {@code doneToo} only the observations of tickets neither resolved
     * nor closed are read ({@code ticket_observer_open_by_agent}, {@code ..._by_group}): the few a Watching view can
     * show, however many finished tickets the employee or their groups have watched. For one who watches a few
     * tickets the list is a semi-join on them; for one who watches hundreds (an admin in every group) the set is
     * hashed once and the list's own index scan, already in list order, keeps each row found in it, so either way
     * the cost stays that of a page, not of everything watched. Read in the caller's transaction.
     */
    public static String watchedBy(Handle handle, long watcherId, String watcherParameter, boolean doneToo) {
        String watched = watchedIds(watcherParameter, doneToo);
        int atLeast = handle.createQuery("select count(*) from (" + watched + " limit " + MANY_WATCHED + ") w")
                .bind(watcherParameter, watcherId).mapTo(Integer.class).one();
        return atLeast >= MANY_WATCHED ? "(t.id in (" + watched + ")) is true " : "t.id in (" + watched + ") ";
    }

    /**
     * How many tickets neither resolved nor closed the agent watches, counting up to {@code bound}: the Watching
     * view's count, read from the observations alone.
     */
    public long watchingCount(long agentId, int bound) {
        return handle.createQuery("select count(*) from (select distinct w.ticket_id from (" + watchedIds("me", false)
                        + ") w limit :bound) counted")
                .bind("me", agentId).bind("bound", bound).mapTo(Long.class).one();
    }

    private static String watchedIds(String watcherParameter, boolean doneToo) {
        String open = doneToo ? "" : " and not o.ticket_done";
        return "select o.ticket_id from ticket_observer o where o.agent_id = :" + watcherParameter + open
                + " union all select o.ticket_id from agent_group_member m join ticket_observer o on o.group_id = m.group_id"
                + " where m.agent_id = :" + watcherParameter + open;
    }
}
