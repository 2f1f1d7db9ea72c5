package ar.aulas.courses.content;

import ar.aulas.courses.DeclaredExercise;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** A course folder as read from disk, already validated. Hashes are SHA-256 of the source files. */
public record CourseContent(String folder, String code, String title, String edition, LocalDate startDate,
        LocalDate endDate, int totalHours, String summary, List<String> trainers, String timeZone,
        Map<String, Object> certificates, Map<String, Object> attendance, String hash, List<ModuleContent> modules) {

    public record ModuleContent(int number, String slug, String title, LocalDate date, LocalTime start, LocalTime end,
            String venue, List<String> objectives, LocalDate release, String body, List<DeclaredExercise> exercises,
            String hash, List<ReadingContent> readings) {
    }

    public record ReadingContent(String slug, int position, String title, String kind, int minutes, String body,
            List<AttachmentFile> attachments, String hash) {
    }

    public record AttachmentFile(String name, Path path, String sha256, long size, String contentType) {
    }
}
