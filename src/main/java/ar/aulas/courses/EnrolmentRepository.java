package ar.aulas.courses;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface EnrolmentRepository extends MongoRepository<Enrolment, String> {

    List<Enrolment> findByAccountIdAndActiveTrue(String accountId);

    List<Enrolment> findByCourseCodeOrderByEnrolledAtAsc(String courseCode);

    List<Enrolment> findByCourseCodeAndActiveTrue(String courseCode);

    List<Enrolment> findByCourseCodeAndInstitutionIdAndActiveTrue(String courseCode, String institutionId);

    boolean existsByCourseCodeAndInstitutionIdAndActiveTrue(String courseCode, String institutionId);

    boolean existsByIdAndActiveTrue(String id);
}
