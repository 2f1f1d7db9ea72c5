package ar.aulas.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.support.AulasIntegrationTest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.MongoTemplate;

@AulasIntegrationTest
class RetiredDataTests {

    @Autowired MongoTemplate mongo;
    @Autowired RetiredData retired;

    @Test
    void aStoreMadeBeforeLosesTheRetiredIndexesAndCollectionsAndKeepsTheRest() {
        MongoCollection<Document> old = mongo.getCollection("made_before");
        old.insertOne(new Document("_id", "a").append("version", 3L).append("courseCode", "C1"));
        old.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().name("id_version").unique(true));
        old.createIndex(new Document("courseCode", 1), new IndexOptions().name("by_course"));
        mongo.getCollection("submission_owners").insertOne(new Document("_id", "C1/1/e1").append("s", new Document()));
        assertThat(names(old)).contains("id_version", "by_course");

        retired.run(new DefaultApplicationArguments());

        assertThat(names(old)).doesNotContain("id_version").contains("_id_", "by_course");
        assertThat(old.countDocuments(new Document("courseCode", "C1"))).isEqualTo(1);
        assertThat(mongo.collectionExists("submission_owners")).isFalse();
        retired.run(new DefaultApplicationArguments());
        assertThat(names(old)).contains("by_course");
    }

    private static List<String> names(MongoCollection<Document> collection) {
        List<String> names = new ArrayList<>();
        collection.listIndexes().forEach(i -> names.add(i.getString("name")));
        return names;
    }
}
