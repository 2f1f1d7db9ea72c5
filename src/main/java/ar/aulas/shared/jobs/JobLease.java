package ar.aulas.shared.jobs;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who holds a job, and until when. One document per job name; an instance holds it while {@code lockUntil} is in
 * the future and its name is in {@code owner}. {@code runs} counts the times the job was taken (run), by any instance:
 * {@code owner} and {@code lockedAt} then say which ran it last, and when.
 */
@Document("job_leases")
record JobLease(@Id String name, String owner, Instant lockedAt, Instant lockUntil, long runs) {
}
