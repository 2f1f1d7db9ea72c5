package ar.aulas.courses;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line sync ({@code --aulas.courses.sync-and-exit}): imports the course folders,
 * prints one line per course and exits with status 1 if any course was rejected.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CourseSyncCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CourseSyncCommand.class);

    private final CoursesProperties properties;
    private final CourseSync sync;
    private final ApplicationContext context;

    CourseSyncCommand(CoursesProperties properties, CourseSync sync, ApplicationContext context) {
        this.properties = properties;
        this.sync = sync;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.syncAndExit()) {
            return;
        }
        List<SyncReport> reports = sync.syncAll();
        for (SyncReport report : reports) {
            log.info("{}: {} ({} written, {} archived, {} errors, {} ms)", report.folder(), report.outcome(),
                    report.written(), report.archived(), report.errors().size(), report.millis());
        }
        boolean rejected = reports.stream().anyMatch(SyncReport::rejected);
        System.exit(SpringApplication.exit(context, () -> rejected ? 1 : 0));
    }
}
