package io.supporthub.hub.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreeMailDomainsTest {

    @Test
    void knowsTheCommonFreeMailDomainsInAnyCase() {
        assertTrue(FreeMailDomains.isFreeMail("gmail.com"));
        assertTrue(FreeMailDomains.isFreeMail("Outlook.COM"));
        assertTrue(FreeMailDomains.isFreeMail("mail.ru."));
        assertTrue(FreeMailDomains.isFreeMail("yandex.ru"));
        assertFalse(FreeMailDomains.isFreeMail("acme-corp.fr"));
        assertFalse(FreeMailDomains.isFreeMail("gmail.com.example"));
        assertTrue(FreeMailDomains.all().size() > 40);
    }

    @Test
    void takesTheDomainOfAnAddress() {
        assertEquals("acme-corp.fr", FreeMailDomains.domainOf("Jean.Dupont@ACME-Corp.fr"));
        assertNull(FreeMailDomains.domainOf("no-domain@"));
        assertNull(FreeMailDomains.domainOf("plain"));
        assertNull(FreeMailDomains.domainOf(null));
    }
}
