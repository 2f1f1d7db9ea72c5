package ar.aulas.library;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.support.AulasIntegrationTest;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.MongoTemplate;

@AulasIntegrationTest
class LibraryKeywordsTests {

    @Autowired MongoTemplate mongo;
    @Autowired LibraryKeywords keywords;

    @Test
    void documentsStoredBeforeTheKeywordsGetThemOnceAndLaterStartsReadNothing() {
        mongo.getCollection(LibraryKeywords.MIGRATIONS).deleteMany(new Document());
        mongo.getCollection("library_documents").insertOne(new Document("_id", "antes-1").append("searchable", "mapa de cuencas"));

        keywords.run(new DefaultApplicationArguments());
        Document first = mongo.getCollection("library_documents").find(new Document("_id", "antes-1")).first();
        assertThat(first.getList("keywords", String.class)).contains("map", "mapa", "cue", "cuencas");

        // a later start: the marker says it was done, so a document written around the services stays as it is
        mongo.getCollection("library_documents").insertOne(new Document("_id", "antes-2").append("searchable", "plan urbano"));
        keywords.run(new DefaultApplicationArguments());
        assertThat(mongo.getCollection("library_documents").find(new Document("_id", "antes-2")).first().get("keywords"))
                .isNull();
        mongo.getCollection("library_documents").deleteMany(new Document("_id", new Document("$in", List.of("antes-1", "antes-2"))));
    }
}
