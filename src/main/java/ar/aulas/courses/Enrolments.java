package ar.aulas.courses;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AccountRepository;
import ar.aulas.accounts.Role;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.RequestMemo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Enrols and unenrols participants. Both are idempotent single-document writes. */
@Service
public class Enrolments {

    private final EnrolmentRepository enrolments;
    private final AccountRepository accounts;
    private final MongoTemplate mongo;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    Enrolments(EnrolmentRepository enrolments, AccountRepository accounts, MongoTemplate mongo, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return true when the person was not enrolled before */
    public boolean enrol(String courseCode, String accountId, String byAccountId) {
        return enrol(courseCode, accountId, byAccountId, true);
    }

    /**
     * @param announce false for one of many enrolments written at once (an import), which announces the whole
     *        course's change when done
     */
    public boolean enrol(String courseCode, String accountId, String byAccountId, boolean announce) {
        Account account = accounts.findById(accountId).filter(a -> a.has(Role.PARTICIPANT))
                .orElseThrow(NotFoundException::new);
        String id = Enrolment.id(courseCode, accountId);
        var existing = enrolments.findById(id);
        if (existing.isPresent()) {
            if (existing.get().isActive()) {
                return false;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", true)
                    .set("institutionId", account.getInstitutionId()).set("enrolledAt", clock.instant())
                    .set("enrolledBy", byAccountId).unset("unenrolledAt"), Enrolment.class);
            announce(announce, courseCode, accountId);
            return true;
        }
        try {
            enrolments.insert(new Enrolment(courseCode, accountId, account.getInstitutionId(), byAccountId,
                    clock.instant()));
            announce(announce, courseCode, accountId);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void announce(boolean announce, String courseCode, String accountId) {
        if (announce) {
            events.publishEvent(new EnrolmentChanged(courseCode, accountId, true));
        }
    }

    /** Enrols every active participant of an institution; returns how many were newly enrolled. */
    public int enrolInstitution(String courseCode, String institutionId, String byAccountId) {
        int added = 0;
        for (Account account : accounts.findByInstitutionIdAndActiveTrueAndRolesContaining(institutionId,
                Role.PARTICIPANT)) {
            if (enrol(courseCode, account.getId(), byAccountId)) {
                added++;
            }
        }
        return added;
    }

    /** Keeps the enrolment (and all history) but makes it inactive. */
    public void unenrol(String courseCode, String accountId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Enrolment.id(courseCode, accountId)).and("active").is(true)),
                new Update().set("active", false).set("unenrolledAt", clock.instant()), Enrolment.class);
        events.publishEvent(new EnrolmentChanged(courseCode, accountId, false));
    }

    public List<Enrolment> ofCourse(String courseCode) {
        return enrolments.findByCourseCodeOrderByEnrolledAtAsc(courseCode);
    }

    /** A person's active enrolments, the earliest first. */
    public List<Enrolment> activeOf(String accountId) {
        List<Enrolment> active = new ArrayList<>(enrolments.findByAccountIdAndActiveTrue(accountId));
        active.sort(Comparator.comparing(Enrolment::getEnrolledAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return active;
    }

    public Optional<Enrolment> find(String courseCode, String accountId) {
        String id = Enrolment.id(courseCode, accountId);
        return RequestMemo.get("enrolment:" + id, () -> enrolments.findById(id));
    }

    /** Whether the person is enrolled in the course now (by the enrolment's id). */
    public boolean isActive(String courseCode, String accountId) {
        return enrolments.findById(Enrolment.id(courseCode, accountId)).map(Enrolment::isActive).orElse(false);
    }

    /** Whether people of this institution follow the course now. */
    public boolean hasInstitution(String courseCode, String institutionId) {
        return institutionId != null && enrolments.existsByCourseCodeAndInstitutionIdAndActiveTrue(courseCode, institutionId);
    }

    /** The institutions whose people follow the course now. */
    public List<String> institutionsOf(String courseCode) {
        return enrolments.findByCourseCodeAndActiveTrue(courseCode).stream().map(Enrolment::getInstitutionId)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** The people following the course now, optionally of one institution only. */
    public List<Enrolment> active(String courseCode, String institutionId) {
        return institutionId == null ? enrolments.findByCourseCodeAndActiveTrue(courseCode)
                : enrolments.findByCourseCodeAndInstitutionIdAndActiveTrue(courseCode, institutionId);
    }
}
