package io.supporthub.hub.agent;

import io.supporthub.hub.support.TestHub;

import java.util.EnumMap;
import java.util.Map;

/**
 * One employee of each role on a logged-in test hub (the first administrator, a senior specialist and a specialist),
 * each with an API token to call as them, and a specialist who only serves as the target of changes.
 */
final class RoleCallers {

    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, Long> ids = new EnumMap<>(Role.class);
    final long targetId;
    private final TestHub hub;

    RoleCallers(TestHub hub) {
        this.hub = hub;
        hub.logIn();
        ids.put(Role.ADMIN, hub.get("/api/session").json().get("id").asLong());
        ids.put(Role.SENIOR, create("senior@test.local", "Sara Senior", "senior"));
        ids.put(Role.SPECIALIST, create("specialist@test.local", "Sam Specialist", "specialist"));
        targetId = create("target@test.local", "Tess Target", "specialist");
        ids.forEach((role, id) -> tokens.put(role, hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText()));
    }

    private long create(String email, String name, String role) {
        TestHub.Response created = hub.post("/api/agents", Map.of("email", email, "name", name,
                "password", "a long enough password " + role, "role", role));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create " + email + ": " + created.body());
        }
        return created.json().get("id").asLong();
    }

    Map<String, String> as(Role role) {
        return Map.of("Authorization", "Bearer " + tokens.get(role));
    }

    TestHub.Response call(Role role, String method, String path, Object body) {
        return hub.request(method, path, body, as(role));
    }
}
