package io.supporthub.hub.company;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supporthub.hub.observer.Observer;

import java.util.List;

/**
 * A client company (issue 17): its domains (lower-case, each one company's), its client category, its responsible
 * manager (an employee or a group), the observers its new tickets start with, its own emails and phones (E.164, where
 * a notification to a contact of it without an address of their own goes), notes, the companies its contacts may
 * supervise, and how many contacts it has.
 */
public record Company(long id, String name, List<String> domains, Long categoryId, CategoryRef category,
                      Manager manager, List<Observer> observers, List<String> emails, List<String> phones, String notes,
                      List<Long> supervises, long contactCount) {

    /** The category as the company shows it. */
    public record CategoryRef(long id, String name) {
    }

    /** The responsible manager: {@code {agentId}} or {@code {groupId}}, with the name shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Manager(Long agentId, Long groupId, String name) {

        public boolean isGroup() {
            return groupId != null;
        }
    }
}
