package ar.aulas.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ar.aulas.accounts.AulasUser;
import ar.aulas.reports.Participation;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Sessions;
import java.nio.file.Path;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@AulasIntegrationTest
class DataGeneratorTests {

    @Autowired DataGenerator generator;
    @Autowired MongoTemplate mongo;
    @Autowired MockMvc mvc;
    @Autowired Participation participation;
    @Autowired UserDetailsService users;

    @TempDir
    Path work;

    @Test
    void sizeSIsAProgrammeThePagesReadAsTheirOwn() throws Exception {
        DataGenerator.Report report = generator.generate(DataGenerator.Spec.S, work);

        assertThat(report.courses()).containsExactly("GS-2001");
        String code = report.courses().get(0);
        assertThat(count("institutions", new Document("code", new Document("$regex", "^GS")))).isEqualTo(10);
        assertThat(count("enrolments", new Document("courseCode", code))).isEqualTo(100);
        assertThat(count("threads", new Document("courseCode", code).append("space", "m1"))).isEqualTo(1_000);
        assertThat(count("threads", new Document("courseCode", code).append("posts", 501))).isEqualTo(1);
        assertThat(count("post_counts", new Document("courseCode", code))).isPositive();
        assertThat(count("attendance_records", new Document("courseCode", code))).as("5 encounters, 5 %% without a mark")
                .isBetween(450L, 500L);
        assertThat(count("submissions", new Document("courseCode", code).append("exerciseId", code + "/1/ejercicio-1")))
                .as("everyone hands in the first exercise").isEqualTo(100);
        assertThat(count("submissions", new Document("courseCode", code).append("history.1", new Document("$exists", true))))
                .as("grades with their history").isPositive();
        assertThat(count("fs.files", new Document("metadata.submission", new Document("$exists", true)))).isPositive();
        long certificates = count("certificates", new Document("courseCode", code).append("status", "VALID"));
        assertThat(certificates).isEqualTo(report.certificates()).isPositive();
        assertThat(report.documentsPerSecond()).isPositive();

        // a generated participant logs in with the generated password and sees the course, files and certificate
        var session = Sessions.login(mvc, "p0@gs.generado.gob.ar", DataGenerator.PASSWORD);
        mvc.perform(get("/courses/" + code).session(session)).andExpect(status().isOk());
        mvc.perform(get("/my/submissions").session(session)).andExpect(status().isOk());
        Document withFile = mongo.getCollection("submissions").find(new Document("courseCode", code)
                .append("attempts.files.0", new Document("$exists", true))).first();
        assertThat(withFile).isNotNull();
        Document file = withFile.getList("attempts", Document.class).get(0).getList("files", Document.class).get(0);
        var owner = Sessions.login(mvc, mongo.getCollection("accounts").find(new Document("_id",
                new ObjectId(withFile.getString("participantId")))).first().getString("email"), DataGenerator.PASSWORD);
        byte[] body = mvc.perform(get("/courses/" + code + "/submissions/" + withFile.get("_id") + "/files/" + file.getString("fileId"))
                .session(owner)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body).hasSize(((Number) file.get("size")).intValue());

        Document certificate = mongo.getCollection("certificates").find(new Document("courseCode", code)).first();
        mvc.perform(get("/verificar/" + certificate.getString("code"))).andExpect(status().isOk());

        AulasUser coordinator = (AulasUser) users.loadUserByUsername("coordinacion@aulas.demo");
        Participation.ProgrammeView view = participation.programme(coordinator, code, Participation.Sort.NAME, false);
        assertThat(view.lines()).hasSize(10);
        assertThat(view.totals().enrolled()).isEqualTo(100);
        assertThat(view.totals().issued().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(certificates);
    }

    private long count(String collection, Document filter) {
        return mongo.getCollection(collection).countDocuments(filter);
    }
}
