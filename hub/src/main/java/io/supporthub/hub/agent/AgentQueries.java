package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** SQL on agents (their sessions and tokens: {@link SessionQueries}, {@link TokenQueries}). */
public final class AgentQueries {

    private static final String COLUMNS = "id, email, name, role, line, active";

    private final Handle handle;

    public AgentQueries(Handle handle) {
        this.handle = handle;
    }

    public long count() {
        return handle.createQuery("select count(*) from agent").mapTo(Long.class).one();
    }

    public List<Agent> all() {
        return handle.createQuery("select " + COLUMNS + " from agent order by name").mapTo(Agent.class).list();
    }

    public Optional<Agent> find(long id) {
        return handle.createQuery("select " + COLUMNS + " from agent where id = :id").bind("id", id).mapTo(Agent.class).findOne();
    }

    public Optional<Agent> findByEmail(String email) {
        return handle.createQuery("select " + COLUMNS + " from agent where lower(email) = lower(:email)")
                .bind("email", email).mapTo(Agent.class).findOne();
    }

    public Optional<String> passwordHash(long id) {
        return handle.createQuery("select password_hash from agent where id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    public Agent create(String email, String name, String passwordHash, String role, int line) {
        Agent agent = handle.createQuery("insert into agent (email, name, password_hash, role, line) "
                        + "values (:email, :name, :hash, :role, :line) returning " + COLUMNS)
                .bind("email", email.strip()).bind("name", name.strip()).bind("hash", passwordHash)
                .bind("role", role).bind("line", line)
                .mapTo(Agent.class).one();
        joinLineGroup(agent.id(), line);
        return agent;
    }

    /** A new agent's line is a membership of the group that line became (see V20261202_0800), while it exists. */
    private void joinLineGroup(long agentId, int line) {
        handle.createUpdate("insert into agent_group_member (group_id, agent_id) select g.id, :agentId from setting s "
                        + "join agent_group g on g.id = (s.value ->> cast(:line as text))::bigint "
                        + "where s.key = 'line_groups' on conflict do nothing")
                .bind("agentId", agentId).bind("line", line).execute();
    }

    /** Which of the ids are not groups, to refuse them. */
    public List<Long> unknownGroups(List<Long> groupIds) {
        return handle.createQuery("select x from unnest(:ids) as x where not exists (select 1 from agent_group g where g.id = x)")
                .bind("ids", groupIds.toArray(Long[]::new)).mapTo(Long.class).list();
    }

    public boolean inEscalationGroup(List<Long> groupIds) {
        return handle.createQuery("select exists (select 1 from agent_group where id = any(:ids) and escalation_target)")
                .bind("ids", groupIds.toArray(Long[]::new)).mapTo(Boolean.class).one();
    }

    /** The agent's memberships become exactly these groups. */
    public void setGroups(long agentId, List<Long> groupIds) {
        handle.createUpdate("delete from agent_group_member where agent_id = :agentId").bind("agentId", agentId).execute();
        handle.createUpdate("insert into agent_group_member (group_id, agent_id) select g.id, :agentId from agent_group g "
                        + "where g.id = any(:ids) on conflict do nothing")
                .bind("agentId", agentId).bind("ids", groupIds.toArray(Long[]::new)).execute();
    }

    public void update(Agent agent) {
        handle.createUpdate("update agent set name = :name, role = :role, line = :line, active = :active where id = :id")
                .bind("id", agent.id()).bind("name", agent.name()).bind("role", agent.role())
                .bind("line", agent.line()).bind("active", agent.active()).execute();
        if (!agent.active()) {
            handle.createUpdate("delete from agent_session where agent_id = :id").bind("id", agent.id()).execute();
        }
    }

    /** Sets the password hash; {@code mustChange} makes the agent choose a new one at the next login. */
    public void setPassword(long id, String passwordHash, boolean mustChange) {
        handle.createUpdate("update agent set password_hash = :hash, must_change_password = :mustChange where id = :id")
                .bind("id", id).bind("hash", passwordHash).bind("mustChange", mustChange).execute();
    }

    /** A rehash of the same password: replaces the hash only if no one changed it meanwhile. */
    public void replaceHash(long id, String oldHash, String newHash) {
        handle.createUpdate("update agent set password_hash = :newHash where id = :id and password_hash = :oldHash")
                .bind("id", id).bind("oldHash", oldHash).bind("newHash", newHash).execute();
    }

    public long countActiveAdminsOtherThan(long id) {
        return handle.createQuery("select count(*) from agent where role = 'admin' and active and id <> :id")
                .bind("id", id).mapTo(Long.class).one();
    }

    /** Holds off every other writer of agents until the transaction ends. */
    public void lockTable() {
        handle.execute("lock table agent in exclusive mode");
    }

    /** The agents who may log in, by name. */
    public List<Agent> active() {
        return handle.createQuery("select " + COLUMNS + " from agent where active order by name").mapTo(Agent.class).list();
    }
}
