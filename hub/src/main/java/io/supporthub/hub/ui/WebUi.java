package io.supporthub.hub.ui;

import io.javalin.config.RoutesConfig;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.hub.agent.AccessService;
import io.supporthub.hub.agent.AgentService;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.agent.RoutePermissions;
import io.supporthub.hub.agent.PasswordService;
import io.supporthub.hub.audit.AuditLog;
import io.supporthub.hub.cannedreply.CannedReplies;
import io.supporthub.hub.contact.ContactAddresses;
import io.supporthub.hub.contact.ContactService;
import io.supporthub.hub.ticket.search.ContactSearch;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.keptaside.KeptAsideService;
import io.supporthub.hub.message.AttachmentRoutes;
import io.supporthub.hub.settings.SettingsService;
import io.supporthub.hub.timezone.ViewerZones;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.ticket.ViewCounts;
import io.supporthub.hub.web.ErrorHandling;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import io.supporthub.hub.apichannel.ApiChannelSettings;
import io.supporthub.hub.channel.ChannelReadiness;
import io.supporthub.hub.channelhealth.ChannelHealth;

/**
 * The agent web hub: server-rendered pages (Pebble) with a small script; pages need a logged-in agent (the API's
 * session cookie) and every HTML form carries a CSRF token. Also adds {@code GET /api/attachments/{id}} (behind the
 * API's login filter).
 */
public final class WebUi {

    private final Pages pages;
    private final PageAccess access;
    private final Assets assets = new Assets();
    private final LoginPages login;
    private final PasswordPages passwordPages;
    private final ProfilePage profile;
    private final InboxPage inbox;
    private final TicketPage ticket;
    private final AdminPages admin;
    private final CalendarPage calendarPage;
    private final SlaPage slaPage;
    private final CompanyPages companies;
    private final ClientPages clients;
    private final AttachmentRoutes attachments;
    private final ChannelsPage channels;

    public WebUi(Transactions transactions, Authentication authentication, RoutePermissions permissions, AgentService agents, AccessService accounts,
                 PasswordService passwords, TicketService tickets, CannedReplies cannedReplies, KeptAsideService keptAside,
                 AuditLog audit, SettingsService settings, ViewCounts viewCounts, ChannelReadiness canSend, PhoneNumbers phones, Clock clock,
                 boolean secureCookies, ApiChannelSettings apiChannel, ChannelHealth channelHealth,
                 io.supporthub.hub.calendar.CalendarService calendars) {
        this.pages = new Pages(new Views(), new Csrf(secureCookies), permissions, transactions, new ViewerZones(transactions, settings));
        this.access = new PageAccess(authentication, permissions);
        this.login = new LoginPages(authentication, pages);
        this.passwordPages = new PasswordPages(passwords, pages);
        this.profile = new ProfilePage(accounts, access, pages);
        this.inbox = new InboxPage(transactions, viewCounts, access, pages, phones, clock, canSend::canSend);
        this.ticket = new TicketPage(transactions, tickets, canSend, access, pages, clock);
        this.admin = new AdminPages(transactions, agents, cannedReplies, keptAside, audit, settings, access, pages);
        this.calendarPage = new CalendarPage(calendars, access, pages);
        this.slaPage = new SlaPage(new io.supporthub.hub.sla.SlaEditorChoices(transactions), access, pages);
        this.companies = new CompanyPages(transactions, access, pages, clock);
        this.clients = new ClientPages(transactions, new ContactService(transactions, new ContactAddresses(phones), clock, new ContactSearch(phones)),
                permissions, access, pages);
        this.attachments = new AttachmentRoutes(transactions);
        this.channels = new ChannelsPage(apiChannel, channelHealth, access, pages);
    }

    public void register(RoutesConfig routes) {
        routes.exception(PageAccess.LoginRequired.class, ErrorHandling.whileOpen((e, ctx) -> ctx.redirect(PageAccess.loginUrl(ctx))));
        routes.exception(PageAccess.PasswordChangeRequired.class, ErrorHandling.whileOpen((e, ctx) -> ctx.redirect("/profile")));
        routes.exception(PageAccess.NotAllowed.class, ErrorHandling.whileOpen((e, ctx) -> {
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Not for your role");
            model.put("message", "You cannot open this page: " + e.getMessage() + ". Ask an administrator if you need a change here.");
            pages.render(ctx, 403, "error", e.agent(), model);
        }));
        assets.register(routes);
        login.register(routes);
        passwordPages.register(routes);
        profile.register(routes);
        inbox.register(routes);
        ticket.register(routes);
        admin.register(routes);
        calendarPage.register(routes);
        slaPage.register(routes);
        companies.register(routes);
        clients.register(routes);
        attachments.register(routes);
        channels.register(routes);
    }
}
