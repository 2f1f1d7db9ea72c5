package ar.aulas.conversation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's choice for the debates' mail, by account id: the daily digest (the default) or none at all. */
@Document("conversation_preferences")
public class MailPreference {

    @Id
    private String id;
    private boolean none;

    protected MailPreference() {
    }

    MailPreference(String accountId, boolean none) {
        this.id = accountId;
        this.none = none;
    }

    public String getId() { return id; }
    public boolean isNone() { return none; }
}
