package io.supporthub.hub.group;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.List;
import java.util.Optional;

/** Creating, changing and deleting groups, each in one transaction; what a request may not do is refused here. */
public final class GroupService {

    /** What a request changes of a group; a null field stays as it is. */
    public record Changes(String name, List<Long> members, List<Long> notifyList, Boolean escalationTarget, Boolean hidden) {
    }

    private final Transactions transactions;

    public GroupService(Transactions transactions) {
        this.transactions = transactions;
    }

    public List<Group> all() {
        return transactions.read(handle -> new GroupQueries(handle).all());
    }

    public Optional<Group> find(long id) {
        return transactions.read(handle -> new GroupQueries(handle).find(id));
    }

    public Group create(Changes group) {
        if (group.name() == null) {
            throw Refusal.invalid("'name' is required");
        }
        return write(group.name(), queries -> {
            refuseTakenName(queries, group.name(), 0);
            long id = queries.create(group.name(), Boolean.TRUE.equals(group.hidden()));
            apply(queries, id, new Changes(null, group.members(), group.notifyList(), group.escalationTarget(), null));
            return queries.find(id).orElseThrow();
        });
    }

    public Group change(long id, Changes changes) {
        return write(changes.name(), queries -> {
            queries.find(id).orElseThrow(() -> Refusal.notFound("no group " + id));
            if (changes.name() != null) {
                refuseTakenName(queries, changes.name(), id);
                queries.rename(id, changes.name());
            }
            apply(queries, id, changes);
            return queries.find(id).orElseThrow();
        });
    }

    /** Deletes a group without tickets; one with tickets is refused (hide it instead). */
    public void delete(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            GroupQueries queries = new GroupQueries(handle);
            queries.find(id).orElseThrow(() -> Refusal.notFound("no group " + id));
            long tickets = queries.ticketCount(id);
            if (tickets > 0) {
                throw Refusal.conflict("the group has " + tickets + " ticket(s); move them or hide the group instead");
            }
            queries.delete(id);
            return null;
        });
    }

    private static void apply(GroupQueries queries, long id, Changes changes) {
        if (changes.members() != null) {
            refuseUnknownAgents(queries, changes.members(), "members");
            queries.setMembers(id, changes.members());
        }
        if (changes.notifyList() != null) {
            refuseUnknownAgents(queries, changes.notifyList(), "notify");
            queries.setNotify(id, changes.notifyList());
        }
        if (changes.escalationTarget() != null) {
            queries.setEscalationTarget(id, changes.escalationTarget());
        }
        if (changes.hidden() != null) {
            queries.setHidden(id, changes.hidden());
        }
    }

    private static void refuseUnknownAgents(GroupQueries queries, List<Long> agentIds, String field) {
        List<Long> unknown = queries.unknownAgents(agentIds);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("'" + field + "': no employee " + unknown);
        }
    }

    private static void refuseTakenName(GroupQueries queries, String name, long id) {
        if (queries.nameTaken(name, id)) {
            throw Refusal.conflict("a group named '" + name + "' exists already");
        }
    }

    /** Runs the write in a transaction; a name taken meanwhile by another request is a conflict too. */
    private <T> T write(String name, java.util.function.Function<GroupQueries, T> write) {
        try {
            return transactions.inTransaction((handle, afterCommit) -> write.apply(new GroupQueries(handle)));
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("agent_group_name_key")) {
                throw Refusal.conflict("a group named '" + name + "' exists already");
            }
            throw e;
        }
    }
}
