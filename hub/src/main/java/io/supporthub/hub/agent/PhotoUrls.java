package io.supporthub.hub.agent;

import org.jdbi.v3.core.Handle;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each employee's photo is, for the pages: {@code /api/agents/{id}/photo?v=<etag>}, by agent id, for those who
 * have one (the others show their initial). The version in the address changes with the photo, so a browser may keep
 * it as long as it likes ({@link AgentPhotoRoutes}). A team's photos are few: one read of their tags a page.
 */
public final class PhotoUrls {

    private PhotoUrls() {
    }

    public static Map<Long, String> all(Handle handle) {
        return handle.createQuery("select agent_id, etag from agent_photo")
                .map((rs, ctx) -> Map.entry(rs.getLong("agent_id"), url(rs.getLong("agent_id"), rs.getString("etag"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static String url(long agentId, String etag) {
        return "/api/agents/" + agentId + "/photo?v=" + etag.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
