package ar.aulas.conversation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a person wants to hear of new posts in a space ({@code m1}, {@code t:<id>}) or a thread ({@code thread:<id>}):
 * each post by mail, in the daily digest (what everyone gets without choosing), or not at all. A thread's choice
 * wins over its space's.
 */
@Document("subscriptions")
@CompoundIndex(name = "course_target", def = "{'courseCode': 1, 'target': 1}")
public class Subscription {

    public enum Mode { IMMEDIATE, DIGEST, NONE }

    @Id
    private String id;
    private String accountId;
    private String courseCode;
    private String target;
    private Mode mode;

    protected Subscription() {
    }

    Subscription(String accountId, String courseCode, String target, Mode mode) {
        this.id = id(accountId, courseCode, target);
        this.accountId = accountId;
        this.courseCode = courseCode;
        this.target = target;
        this.mode = mode;
    }

    static String id(String accountId, String courseCode, String target) {
        return accountId + "|" + courseCode + "|" + target;
    }

    static String thread(String threadId) {
        return "thread:" + threadId;
    }

    public String getAccountId() { return accountId; }
    public String getTarget() { return target; }
    public Mode getMode() { return mode; }
}
