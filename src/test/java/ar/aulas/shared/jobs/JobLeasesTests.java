package ar.aulas.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ar.aulas.support.AulasIntegrationTest;
import ar.aulas.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two instances' leases on one store, with a clock the test moves. */
@AulasIntegrationTest
class JobLeasesTests {

    @Autowired MongoTemplate mongo;

    TestClock clock = new TestClock(Clock.systemUTC());
    JobLeases a;
    JobLeases b;
    String job;

    @BeforeEach
    void twoInstances() {
        clock.stop();
        a = new JobLeases(mongo, clock, new InstanceName(new InstanceName.Properties("a")));
        b = new JobLeases(mongo, clock, new InstanceName(new InstanceName.Properties("b")));
        job = "test-job-" + System.nanoTime();
    }

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
    }

    @Test
    void whileOneInstanceRunsAJobTheOtherDoesNotAndAfterTheHoldItCan() {
        List<String> ranOnB = new ArrayList<>();
        boolean ranOnA = a.runExclusively(job, Duration.ofHours(1),
                () -> ranOnB.add(String.valueOf(b.runExclusively(job, Duration.ofHours(1), () -> ranOnB.add("b")))));

        assertThat(ranOnA).isTrue();
        assertThat(ranOnB).containsExactly("false");
        clock.advance(Duration.ofMinutes(59));
        assertThat(b.runExclusively(job, Duration.ofHours(1), () -> { })).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(b.runExclusively(job, Duration.ofHours(1), () -> { })).isTrue();
        assertThat(mongo.findById(job, JobLease.class).owner()).isEqualTo("b");
        assertThat(mongo.findById(job, JobLease.class).runs()).isEqualTo(2);
    }

    @Test
    void aJobThatFailsStillReleasesItsLease() {
        assertThatThrownBy(() -> a.runExclusively(job, Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        clock.advance(Duration.ofMinutes(1));
        assertThat(b.runExclusively(job, Duration.ofMinutes(1), () -> { })).isTrue();
    }

    @Test
    void theLeaseOfAnInstanceThatDiedRunsOutAfterItsTermAndARenewedOneDoesNot() {
        assertThat(a.take(job, clock.instant())).isTrue(); // a dies here: never renews, never releases

        clock.advance(JobLeases.TERM.minusSeconds(1));
        assertThat(b.runExclusively(job, Duration.ZERO, () -> { })).isFalse();
        a.renew(job);
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.runExclusively(job, Duration.ZERO, () -> { })).isFalse();
        clock.advance(JobLeases.TERM);
        assertThat(b.runExclusively(job, Duration.ZERO, () -> { })).isTrue();
        // a, back, cannot renew or release what it lost
        a.release(job, clock.instant().plus(Duration.ofDays(1)));
        assertThat(mongo.findById(job, JobLease.class).owner()).isEqualTo("b");
    }

    @Test
    void manyInstancesStartingTheSameJobAtOnceRunItOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<JobLeases> instances = new ArrayList<>();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JobLeases instance = new JobLeases(mongo, clock, new InstanceName(new InstanceName.Properties("i" + i)));
            instances.add(instance);
            results.add(pool.submit(() -> {
                go.await();
                return instance.runExclusively(job, Duration.ofHours(1), runs::incrementAndGet);
            }));
        }
        go.countDown();
        int ran = 0;
        for (Future<Boolean> r : results) {
            ran += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        instances.forEach(JobLeases::stop);

        assertThat(runs).hasValue(1);
        assertThat(ran).isEqualTo(1);
    }
}
