package ar.aulas.library;

import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At start, documents stored before the search had keywords get them (from their folded text), once: a marker says it
 * was done, so later starts do not read the library; an index the search no longer uses is dropped.
 */
@Component
class LibraryKeywords implements ApplicationRunner {

    /** The library's record of the one-time changes made to what it stores. */
    static final String MIGRATIONS = "library_migrations";
    private static final String KEYWORDS_DONE = "keywords";

    private final MongoTemplate mongo;

    LibraryKeywords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        // replaced by status_recent (which orders ties by id, so the store reads the newest page in order)
        if (mongo.indexOps(LibraryDocument.class).getIndexInfo().stream().anyMatch(i -> i.getName().equals("status_published"))) {
            mongo.indexOps(LibraryDocument.class).dropIndex("status_published");
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(KEYWORDS_DONE)), MIGRATIONS)) {
            return;
        }
        Query missing = Query.query(Criteria.where("keywords").exists(false));
        missing.fields().include("searchable");
        for (Document d : mongo.find(missing, Document.class, "library_documents")) {
            String folded = d.getString("searchable") == null ? "" : d.getString("searchable");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(d.get("_id"))),
                    new Update().set("keywords", LibraryDocument.keywords(folded)), "library_documents");
        }
        mongo.save(new Document("_id", KEYWORDS_DONE), MIGRATIONS);
    }
}
