package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.RollCall;
import ar.aulas.certificates.CertificateScenario;
import ar.aulas.courses.CourseSync;
import ar.aulas.courses.Enrolments;
import ar.aulas.support.AccountBuilder;
import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

@AulasIntegrationTest
class SubmissionIndexTests {

    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;
    @Autowired MongoTemplate mongo;

    @TempDir
    Path root;

    private List<String> queue(CertificateScenario s) {
        AulasUser trainer = s.user("capacitadora@aulas.demo");
        return grading.queue(trainer, s.code, 1, "e1", null, null, null, 1).rows().stream()
                .map(r -> r.submission().getOwnerKey()).sorted().toList();
    }

    @Test
    void theQueueListsWorkFromBeforeTheIndexAndAfterIt() {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Antes", "MSAL");
        Account beto = s.person("Beto Antes", "MSLO");
        s.submitted(ana, 1).submitted(beto, 1);
        assertThat(queue(s)).containsExactlyInAnyOrder("p:" + ana.getId(), "p:" + beto.getId());

        // as data stored before the index existed: no entry for the exercise
        mongo.getCollection(SubmissionIndex.OWNERS).deleteOne(new Document("_id", s.code + "/1/e1"));
        Account ceci = s.person("Ceci Despues", "MSAL");
        s.submitted(ceci, 1);
        assertThat(queue(s)).as("completed from one scan, merged with the one recorded meanwhile")
                .containsExactlyInAnyOrder("p:" + ana.getId(), "p:" + beto.getId(), "p:" + ceci.getId());
        Document index = mongo.getCollection(SubmissionIndex.OWNERS).find(new Document("_id", s.code + "/1/e1")).first();
        assertThat(index.getBoolean("complete")).isTrue();
        assertThat(index.get("s", Document.class)).hasSize(3);
    }

    @Test
    void teamMatesStartingTheTeamsWorkAtOnceLeaveOneSubmissionInTheQueue() throws Exception {
        var s = new CertificateScenario(root, 1, "team", fixtures, sync, enrolments, rollCall, work, grading, users);
        List<Account> team = new ArrayList<>();
        // ten at once: each may lose the race several times and retries after a random pause, none refused as busy
        for (int i = 0; i < 10; i++) {
            team.add(s.person("Integrante " + AccountBuilder.letters(i + 1), "MSAL"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(team.size());
        List<Future<Submission>> saves = new ArrayList<>();
        for (Account member : team) {
            AulasUser me = s.user(member.getEmail());
            saves.add(pool.submit(() -> {
                start.await();
                return work.save(me, s.code, 1, "e1", new SubmissionWork.Work("Aporte de " + me.fullName(), List.of(), Set.of(),
                        false, UUID.randomUUID().toString()));
            }));
        }
        start.countDown();
        for (Future<Submission> save : saves) {
            save.get();
        }
        pool.shutdown();
        String msal = team.get(0).getInstitutionId();
        assertThat(queue(s)).containsExactly("i:" + msal);
        Document index = mongo.getCollection(SubmissionIndex.OWNERS).find(new Document("_id", s.code + "/1/e1")).first();
        String indexed = index.get("s", Document.class).getString("i:" + msal);
        assertThat(mongo.getCollection("submissions").countDocuments(new Document("_id", new org.bson.types.ObjectId(indexed))))
                .as("the index names the submission that was stored").isEqualTo(1);
    }
}
