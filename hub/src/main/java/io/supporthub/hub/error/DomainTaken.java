package io.supporthub.hub.error;

import java.util.Map;

/** A domain given to a company that already belongs to another one; the answer names that company. */
public final class DomainTaken extends Refusal {

    private final long companyId;

    public DomainTaken(String domain, long companyId) {
        super(Kind.CONFLICT, "domain_taken", "the domain " + domain + " belongs to company " + companyId
                + "; a domain is one company's");
        this.companyId = companyId;
    }

    public long companyId() {
        return companyId;
    }

    @Override
    public Map<String, Object> fields() {
        return Map.of("companyId", companyId);
    }
}
