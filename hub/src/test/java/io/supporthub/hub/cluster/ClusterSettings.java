package io.supporthub.hub.cluster;

import com.icegreen.greenmail.util.GreenMail;
import io.supporthub.channels.sms.FakeTwilioApi;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.channels.viber.FakeViberApi;

import java.util.HashMap;
import java.util.Map;

/** The settings both nodes share: one database, one public URL (the load balancer's), every channel on its fake. */
final class ClusterSettings {

    static final String PUBLIC_URL = "https://support.cluster.test";
    static final String API_KEY = "cluster-api-key";
    static final String ADMIN_EMAIL = "admin@cluster.test";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String TELEGRAM_SECRET = FakeTelegramBotApi.SECRET;
    static final String VIBER_TOKEN = "4453b6ac12345678-e02c5f12174805f9-cluster0000000000";
    static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "cluster-twilio-token";
    static final String OUR_NUMBER = "+15550001111";
    static final String SUPPORT_MAILBOX = "help@support.cluster.test";
    /** Short, so a message a killed node was sending goes out again within the test (production: 10 minutes). */
    static final int OUTBOX_LEASE_SECONDS = 10;

    private ClusterSettings() {
    }

    static Map<String, String> of(String databaseUrl, FakeTelegramBotApi telegram, FakeViberApi viber, FakeTwilioApi twilio,
                                  GreenMail mail) {
        Map<String, String> settings = new HashMap<>();
        settings.put("DATABASE_URL", databaseUrl);
        settings.put("PUBLIC_URL", PUBLIC_URL);
        settings.put("API_KEY", API_KEY);
        settings.put("ADMIN_EMAIL", ADMIN_EMAIL);
        settings.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        settings.put("DB_POOL_SIZE", "6");
        settings.put("OUTBOX_LEASE_SECONDS", Integer.toString(OUTBOX_LEASE_SECONDS));
        settings.put("TELEGRAM_BOT_TOKEN", telegram.token());
        settings.put("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET);
        settings.put("TELEGRAM_MODE", "webhook");
        settings.put("TELEGRAM_API_URL", telegram.baseUrl());
        settings.put("VIBER_AUTH_TOKEN", VIBER_TOKEN);
        settings.put("VIBER_API_URL", viber.apiUrl().toString());
        settings.put("MEDIA_URL_SECRET", "cluster-media-secret-0123456789");
        settings.put("TWILIO_ACCOUNT_SID", TWILIO_SID);
        settings.put("TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        settings.put("TWILIO_FROM", OUR_NUMBER);
        settings.put("TWILIO_API_URL", twilio.baseUrl());
        settings.put("MAIL_IMAP_URL", "imap://help:secret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX");
        settings.put("MAIL_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?starttls=false");
        settings.put("MAIL_FROM", SUPPORT_MAILBOX);
        settings.put("MAIL_POLL_SECONDS", "2");
        return settings;
    }
}
