package io.supporthub.hub.agent;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a route asks of its caller, as {@link RoutePermissions} declares it. A rule looks at the caller and the
 * route's path parameters only; what depends on the body (a senior may not make an administrator) is checked by the
 * feature, with {@link Forbidden}.
 */
public interface Rule {

    /** Empty when {@code caller} may call the route with these path parameters; otherwise the reason why not. */
    Optional<String> refusal(Agent caller, Map<String, String> pathParams);

    /** The least role the rule lets through in general (on someone else's record, for rules that let owners in). */
    Role least();

    /** Anyone, logged in or not: login itself, and routes that check their own signature, key or form token. */
    Rule PUBLIC = new Rule() {
        @Override
        public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
            return Optional.empty();
        }

        @Override
        public Role least() {
            return null;
        }

        @Override
        public String toString() {
            return "public";
        }
    };

    /** Any logged-in employee. */
    Rule ANY_AGENT = atLeast(Role.SPECIALIST, "log in first");

    static Rule atLeast(Role least, String reason) {
        return new Rule() {
            @Override
            public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
                return caller.rank().atLeast(least) ? Optional.empty() : Optional.of(reason);
            }

            @Override
            public Role least() {
                return least;
            }

            @Override
            public String toString() {
                return least.wireName();
            }
        };
    }

    /** The employee the path's {@code {id}} names, or anyone of {@code least} or higher. */
    static Rule selfOr(Role least, String reason) {
        Rule others = atLeast(least, reason);
        return new Rule() {
            @Override
            public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
                return String.valueOf(caller.id()).equals(pathParams.get("id")) ? Optional.empty()
                        : others.refusal(caller, pathParams);
            }

            @Override
            public Role least() {
                return least;
            }

            @Override
            public String toString() {
                return "self or " + least.wireName();
            }
        };
    }

    /** Administrators, and senior specialists while {@code seniorsAllowed} says so (a setting admins change). */
    static Rule seniorsWhen(BooleanSupplier seniorsAllowed, String reason) {
        return new Rule() {
            @Override
            public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
                Role role = caller.rank();
                boolean allowed = role == Role.ADMIN || role == Role.SENIOR && seniorsAllowed.getAsBoolean();
                return allowed ? Optional.empty() : Optional.of(reason);
            }

            @Override
            public Role least() {
                return seniorsAllowed.getAsBoolean() ? Role.SENIOR : Role.ADMIN;
            }

            @Override
            public String toString() {
                return "admin, or senior when allowed";
            }
        };
    }
}
