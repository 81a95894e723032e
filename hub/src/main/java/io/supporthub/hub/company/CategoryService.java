package io.supporthub.hub.company;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.List;
import java.util.function.Function;

/**
 * The client categories: names unique without case. Deleting one in use leaves its companies without a category
 * (the foreign key does it); the list page says how many that are before asking.
 */
public final class CategoryService {

    private final Transactions transactions;

    public CategoryService(Transactions transactions) {
        this.transactions = transactions;
    }

    public List<ClientCategory> all() {
        return transactions.read(handle -> new CategoryQueries(handle).all());
    }

    public ClientCategory create(String name, Integer position) {
        String clean = name(name);
        return write(clean, queries -> {
            refuseTaken(queries, clean, 0);
            return queries.find(queries.create(clean, position)).orElseThrow();
        });
    }

    public ClientCategory change(long id, String name, Integer position) {
        String clean = name == null ? null : name(name);
        return write(clean, queries -> {
            queries.find(id).orElseThrow(() -> Refusal.notFound("no client category " + id));
            if (clean != null) {
                refuseTaken(queries, clean, id);
            }
            queries.update(id, clean, position);
            return queries.find(id).orElseThrow();
        });
    }

    public void delete(long id) {
        write(null, queries -> {
            if (!queries.delete(id)) {
                throw Refusal.notFound("no client category " + id);
            }
            return null;
        });
    }

    private static String name(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw Refusal.invalid("'name' must have 1 to 100 characters");
        }
        return name;
    }

    private static void refuseTaken(CategoryQueries queries, String name, long id) {
        if (queries.nameTaken(name, id)) {
            throw taken(name);
        }
    }

    private static Refusal taken(String name) {
        return new Refusal(Refusal.Kind.CONFLICT, "name_taken", "a client category named '" + name + "' exists already");
    }

    private <T> T write(String name, Function<CategoryQueries, T> write) {
        try {
            return transactions.inTransaction((handle, afterCommit) -> write.apply(new CategoryQueries(handle)));
        } catch (UnableToExecuteStatementException e) {
            if (e.getMessage() != null && e.getMessage().contains("client_category_name_key")) {
                throw taken(name);
            }
            throw e;
        }
    }
}
