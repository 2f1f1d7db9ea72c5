package ar.aulas.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** With several instances, every scheduled job must take its lease first, or it runs once per instance. */
class ScheduledJobsTest {

    @Test
    void everyScheduledMethodRunsUnderALease() throws IOException {
        List<String> scheduled = new ArrayList<>();
        List<String> unleased = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (int at = source.indexOf("@Scheduled("); at >= 0; at = source.indexOf("@Scheduled(", at + 1)) {
                    int end = source.indexOf("\n    }\n", at);
                    String method = source.substring(at, end);
                    String name = file.getFileName() + ":" + method.lines().skip(1).findFirst().orElse("").strip();
                    scheduled.add(name);
                    if (!method.contains(".runExclusively(")) {
                        unleased.add(name);
                    }
                }
            }
        }
        assertThat(scheduled).as("the scheduled jobs found").hasSizeGreaterThanOrEqualTo(8);
        assertThat(unleased).as("scheduled methods that do not take a lease (JobLeases.runExclusively)").isEmpty();
    }
}
