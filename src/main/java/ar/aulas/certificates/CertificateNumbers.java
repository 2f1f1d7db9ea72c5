package ar.aulas.certificates;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The last certificate number used per course and type, as a hint that spares scanning certificates:
 * it is raised ({@code $max}) only after a certificate with that number exists, so it is never ahead of
 * the truth, and when it lags (a crash in between) the unique index refuses the number and
 * {@link #highest} is asked. Gaplessness rests on the index, not on this counter.
 */
@Component
class CertificateNumbers {

    private static final String COLLECTION = "certificate_numbers";

    private final MongoTemplate mongo;
    private final CertificateRepository certificates;

    CertificateNumbers(MongoTemplate mongo, CertificateRepository certificates) {
        this.mongo = mongo;
        this.certificates = certificates;
    }

    int last(String course, CertificateType type) {
        Document counter = mongo.findById(key(course, type), Document.class, COLLECTION);
        return counter == null ? highest(course, type) : counter.getInteger("last");
    }

    int highest(String course, CertificateType type) {
        int highest = certificates.findFirstByCourseCodeAndTypeOrderBySequenceDesc(course, type)
                .map(Certificate::getSequence).orElse(0);
        used(course, type, highest);
        return highest;
    }

    void used(String course, CertificateType type, int sequence) {
        Query query = Query.query(Criteria.where("_id").is(key(course, type)));
        try {
            mongo.findAndModify(query, new Update().max("last", sequence), FindAndModifyOptions.options().upsert(true),
                    Document.class, COLLECTION);
        } catch (DuplicateKeyException e) {
            // two first upserts at once: the other created it, so this one is now a plain update
            mongo.updateFirst(query, new Update().max("last", sequence), COLLECTION);
        }
    }

    private static String key(String course, CertificateType type) {
        return course + "|" + type;
    }
}
