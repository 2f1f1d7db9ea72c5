package ar.aulas.courses;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param dir the course content folder ({@code courses/} at the project root)
 * @param syncOnStart read and import the course folders at every start
 * @param syncAndExit sync, print the report and stop (the command-line sync)
 * @param maxUploadSize largest material a trainer may upload
 */
@ConfigurationProperties("aulas.courses")
public record CoursesProperties(String dir, Boolean syncOnStart, Boolean syncAndExit, DataSize maxUploadSize) {

    public CoursesProperties {
        dir = dir == null || dir.isBlank() ? "courses" : dir;
        syncOnStart = syncOnStart == null || syncOnStart;
        syncAndExit = syncAndExit != null && syncAndExit;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(25) : maxUploadSize;
    }
}
