package io.supporthub.hub.cannedreply;

import io.supporthub.hub.cannedreply.CannedReplies.Reply;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** SQL on canned reply groups and their replies, within the caller's transaction. */
final class CannedReplyQueries {

    /** A reply's columns; its preview is made for a ticket, never stored. */
    private static final String REPLY_COLUMNS = "id, group_id, title, body, position, null::text as preview";

    /** A group without its replies. */
    record GroupRow(long id, String name, int position) {
    }

    /** What a reply's variables need to know of a ticket. */
    record TicketFacts(long number, String subject, String status, String customer, String customStatus) {
    }

    private final Handle handle;

    CannedReplyQueries(Handle handle) {
        this.handle = handle;
    }

    /** Holds off other writers of groups until the transaction ends. */
    void lockGroups() {
        handle.execute("lock table canned_group in exclusive mode");
    }

    long groupCount() {
        return handle.createQuery("select count(*) from canned_group").mapTo(Long.class).one();
    }

    /** A group at the given position; its id. */
    long insertGroup(String name, int position) {
        return handle.createUpdate("insert into canned_group (name, position) values (:name, :position)")
                .bind("name", name).bind("position", position)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A reply at the given position. */
    void insertReply(long groupId, String title, String body, int position) {
        handle.createUpdate("insert into canned_reply (group_id, title, body, position) values (:groupId, :title, :body, :position)")
                .bind("groupId", groupId).bind("title", title).bind("body", body)
                .bind("position", position).execute();
    }

    /** Every reply in order; with a filter ({@code %text%}, lower case), those whose title or text matches it. */
    List<Reply> replies(String filter) {
        return handle.createQuery("select " + REPLY_COLUMNS + " from canned_reply "
                        + "where :filter is null or lower(title) like :filter or lower(body) like :filter order by position, id")
                .bind("filter", filter)
                .mapTo(Reply.class).list();
    }

    List<GroupRow> groups() {
        return handle.createQuery("select id, name, position from canned_group order by position, id")
                .mapTo(GroupRow.class).list();
    }

    Optional<GroupRow> group(long id) {
        return handle.createQuery("select id, name, position from canned_group where id = :id").bind("id", id)
                .mapTo(GroupRow.class).findOne();
    }

    List<Reply> repliesOf(long groupId) {
        return handle.createQuery("select " + REPLY_COLUMNS + " from canned_reply "
                + "where group_id = :id order by position, id").bind("id", groupId).mapTo(Reply.class).list();
    }

    /** A group after the last one; its id. */
    long createGroup(String name) {
        return handle.createUpdate("insert into canned_group (name, position) values (:name, "
                        + "coalesce((select max(position) from canned_group), 0) + 1)")
                .bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Changes what is not null; false when there is no such group. */
    boolean updateGroup(long id, String name, Integer position) {
        return handle.createUpdate("update canned_group set name = coalesce(:name, name), "
                        + "position = coalesce(:position, position) where id = :id")
                .bind("id", id).bind("name", name).bind("position", position).execute() > 0;
    }

    /** False when there was no such group. */
    boolean deleteGroup(long id) {
        return handle.createUpdate("delete from canned_group where id = :id").bind("id", id).execute() > 0;
    }

    /** A reply after the group's last one. */
    Reply createReply(long groupId, String title, String body) {
        return handle.createQuery("insert into canned_reply (group_id, title, body, position) values (:groupId, :title, :body, "
                        + "coalesce((select max(position) from canned_reply where group_id = :groupId), 0) + 1) "
                        + "returning " + REPLY_COLUMNS)
                .bind("groupId", groupId).bind("title", title).bind("body", body)
                .mapTo(Reply.class).one();
    }

    /** Changes what is not null; empty when there is no such reply. */
    Optional<Reply> updateReply(long id, Long groupId, String title, String body, Integer position) {
        return handle.createQuery("update canned_reply set group_id = coalesce(:groupId, group_id), "
                        + "title = coalesce(:title, title), body = coalesce(:body, body), position = coalesce(:position, position) "
                        + "where id = :id returning " + REPLY_COLUMNS)
                .bind("id", id).bind("groupId", groupId).bind("title", title)
                .bind("body", body).bind("position", position)
                .mapTo(Reply.class).findOne();
    }

    void setPosition(long replyId, int position) {
        handle.createUpdate("update canned_reply set position = :position where id = :id")
                .bind("id", replyId).bind("position", position).execute();
    }

    /** False when there was no such reply. */
    boolean deleteReply(long id) {
        return handle.createUpdate("delete from canned_reply where id = :id").bind("id", id).execute() > 0;
    }

    Optional<String> body(long replyId) {
        return handle.createQuery("select body from canned_reply where id = :id").bind("id", replyId)
                .mapTo(String.class).findOne();
    }

    Optional<TicketFacts> ticket(long ticketId) {
        return handle.createQuery("select t.number, t.subject, t.status, c.name as customer, "
                        + "cs.name as custom_status from ticket t join contact c on c.id = t.contact_id "
                        + "left join custom_status cs on cs.id = t.custom_status_id where t.id = :id")
                .bind("id", ticketId).mapTo(TicketFacts.class).findOne();
    }
}
