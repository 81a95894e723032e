package io.supporthub.hub.sla;

import io.javalin.config.RoutesConfig;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.db.Transactions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/sla/recalculations/latest}: how the latest recalculation of open tickets' planned times is going
 * ({@code {"state": "none"}} before the first); {@code POST /api/sla/recalculations}: ask for one by hand (202).
 */
public final class SlaRecalculationRoutes {

    private final Transactions transactions;
    private final SlaRecalculations recalculations;
    private final Runnable wakeRunner;

    public SlaRecalculationRoutes(Transactions transactions, SlaRecalculations recalculations, Runnable wakeRunner) {
        this.transactions = transactions;
        this.recalculations = recalculations;
        this.wakeRunner = wakeRunner;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sla/recalculations/latest", ctx -> ctx.json(toJson(recalculations.latest().orElse(null))));
        routes.post("/api/sla/recalculations", ctx -> {
            long agentId = Authentication.agent(ctx).id();
            transactions.inTransaction((handle, afterCommit) -> {
                recalculations.request(handle, "asked for by hand", agentId);
                afterCommit.add(wakeRunner);
                return null;
            });
            ctx.status(202).json(toJson(recalculations.latest().orElseThrow()));
        });
    }

    public static Map<String, Object> toJson(SlaRecalculation run) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (run == null) {
            json.put("state", "none");
            return json;
        }
        json.put("id", run.id());
        json.put("state", run.state());
        json.put("reason", run.reason());
        json.put("done", run.done());
        json.put("failed", run.failed());
        json.put("total", run.total());
        json.put("requestedAt", run.createdAt().toString());
        json.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
        json.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        return json;
    }
}
