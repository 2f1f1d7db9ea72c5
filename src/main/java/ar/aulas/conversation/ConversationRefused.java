package ar.aulas.conversation;

import ar.aulas.shared.Refusal;

/** A post, thread, announcement or moderation refused by a rule, naming the form field it concerns. */
public class ConversationRefused extends Refusal {

    public ConversationRefused(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
