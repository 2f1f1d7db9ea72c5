package ar.aulas.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.attendance.RollCall;
import ar.aulas.certificates.CertificateScenario;
import ar.aulas.courses.CourseRepository;
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
class SubmissionQueueTests {

    @Autowired Fixtures fixtures;
    @Autowired CourseSync sync;
    @Autowired Enrolments enrolments;
    @Autowired RollCall rollCall;
    @Autowired SubmissionWork work;
    @Autowired Grading grading;
    @Autowired UserDetailsService users;
    @Autowired MongoTemplate mongo;
    @Autowired CourseRepository courses;

    @TempDir
    Path root;

    private List<String> queue(CertificateScenario s, String institutionId, Submission.Status status) {
        AulasUser trainer = s.user("capacitadora@aulas.demo");
        return grading.queue(trainer, s.code, 1, "e1", institutionId, status, null, 1).rows().stream()
                .map(r -> r.submission().getOwnerKey()).sorted().toList();
    }

    @Test
    void theQueueFiltersByTheStatusAndInstitutionEachSubmissionHasNow() {
        var s = new CertificateScenario(root, 1, fixtures, sync, enrolments, rollCall, work, grading, users);
        Account ana = s.person("Ana Antes", "MSAL");
        Account beto = s.person("Beto Antes", "MSLO");
        Account ceci = s.person("Ceci Despues", "MSAL");
        s.submitted(ana, 1).submitted(beto, 1).submitted(ceci, 1);
        assertThat(queue(s, null, null)).containsExactlyInAnyOrder("p:" + ana.getId(), "p:" + beto.getId(), "p:" + ceci.getId());

        s.graded(ana, 1, Submission.Verdict.APPROVED);
        assertThat(queue(s, null, Submission.Status.SUBMITTED)).as("a graded one leaves the waiting list at once")
                .containsExactlyInAnyOrder("p:" + beto.getId(), "p:" + ceci.getId());
        assertThat(queue(s, null, Submission.Status.GRADED)).containsExactly("p:" + ana.getId());
        assertThat(queue(s, ana.getInstitutionId(), null)).containsExactlyInAnyOrder("p:" + ana.getId(), "p:" + ceci.getId());
        assertThat(grading.pending(s.user("capacitadora@aulas.demo"), List.of(courses.findById(s.code).orElseThrow())))
                .singleElement().satisfies(p -> assertThat(p.toGrade()).as("waiting for a grade").isEqualTo(2));
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
        assertThat(queue(s, null, null)).containsExactly("i:" + msal);
        assertThat(mongo.getCollection("submissions").countDocuments(new Document("exerciseId", s.code + "/1/e1")))
                .as("one submission stored for the team").isEqualTo(1);
    }
}
