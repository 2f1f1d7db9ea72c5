package ar.aulas.shared.web;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The long texts people type (an exercise answer, a grade's feedback), saved on the server while they type
 * (every ~20 s and when the field loses focus, by {@code static/js/autosave.js}), so a closed tab, a crash or a
 * lost connection loses nothing. One draft per person and page ({@code _id} = account + page); it is shown
 * again on that page until the form is sent, and only to its author. Without JavaScript nothing is saved
 * this way and the forms work as before.
 */
@Component
public class FormDrafts {

    static final String COLLECTION = "form_drafts";
    /** What a draft may hold: the long-text fields of the pages whose forms are kept. */
    private static final Map<Pattern, List<String>> FIELDS = Map.of(
            Pattern.compile("/courses/[^/]+/modules/\\d+/exercises/[^/]+"), List.of("text"),
            Pattern.compile("/courses/[^/]+/grading/[^/]+"), List.of("feedback"),
            Pattern.compile("/courses/[^/]+/threads/[0-9a-f]{24}"), List.of("text"),
            Pattern.compile("/courses/[^/]+/(debates/\\d+|teams/[^/]+|questions|announcements)"), List.of("title", "text"));
    /** As long as the longest text a form accepts (an answer: 50,000 characters; a feedback: 20,000). */
    static final int MAX_CHARS = 50_000;
    /** Beyond this many pages with a draft, a person's oldest drafts are dropped. */
    static final int MAX_PER_PERSON = 100;

    public record Draft(Map<String, String> fields, Instant savedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    FormDrafts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // a person's drafts, newest first (trimming): declared here, as the documents are not mapped entities
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("accountId", Sort.Direction.ASC)
                .on("savedAt", Sort.Direction.DESC).named("account_saved"));
    }

    /** The fields a draft of this page may hold; empty when the page keeps no drafts. */
    static List<String> fieldsOf(String page) {
        if (page == null || page.length() > 300) {
            return List.of();
        }
        return FIELDS.entrySet().stream().filter(e -> e.getKey().matcher(page).matches()).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    /** Saves what was typed; refuses a page that keeps no drafts, an unknown field or a text too long. */
    public Instant save(String accountId, String page, Map<String, String> typed) {
        List<String> allowed = fieldsOf(page);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no drafts for " + page);
        }
        Document fields = new Document();
        for (String field : allowed) {
            String value = typed.get(field);
            if (value != null) {
                if (value.length() > MAX_CHARS) {
                    throw new IllegalArgumentException(field + " too long");
                }
                fields.append(field, value);
            }
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("nothing to save");
        }
        Instant now = clock.instant();
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", id(accountId, page)),
                new Document("_id", id(accountId, page)).append("accountId", accountId).append("page", page)
                        .append("fields", fields).append("savedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        trim(accountId);
        return now;
    }

    private void trim(String accountId) {
        var mine = mongo.getCollection(COLLECTION).find(new Document("accountId", accountId))
                .projection(new Document("savedAt", 1)).sort(new Document("savedAt", -1)).skip(MAX_PER_PERSON);
        for (Document old : mine) {
            mongo.getCollection(COLLECTION).deleteOne(new Document("_id", old.get("_id")));
        }
    }

    /** The person's draft of this page, if any. */
    public Optional<Draft> find(String accountId, String page) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", id(accountId, page))).first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        d.get("fields", Document.class).forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
        return Optional.of(new Draft(fields, d.getDate("savedAt").toInstant()));
    }

    /** The form was sent: its draft is no longer needed. */
    public void discard(String accountId, String page) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", id(accountId, page)));
    }

    private static String id(String accountId, String page) {
        return accountId + "|" + page;
    }
}
