package io.supporthub.hub.agent;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a note mentions: {@code @email} or {@code @Name} (the agent's full name, spaces included, any case) of an active
 * agent, not glued to further letters or digits: "@Anna" does not mention "Annabel".
 */
public final class Mentions {

    private Mentions() {
    }

    public static List<Agent> in(String text, List<Agent> agents) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Agent> mentioned = new ArrayList<>();
        for (Agent agent : agents) {
            if (agent.active() && (mentions(lower, agent.email()) || mentions(lower, agent.name()))) {
                mentioned.add(agent);
            }
        }
        return mentioned;
    }

    private static boolean mentions(String lowerText, String handle) {
        if (handle == null || handle.isBlank()) {
            return false;
        }
        String needle = "@" + handle.strip().toLowerCase(Locale.ROOT);
        for (int at = lowerText.indexOf(needle); at >= 0; at = lowerText.indexOf(needle, at + 1)) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(lowerText.charAt(at - 1));
            int end = at + needle.length();
            boolean endsWord = end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
