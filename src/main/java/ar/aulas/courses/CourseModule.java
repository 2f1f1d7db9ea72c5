package ar.aulas.courses;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One module of a course, tied to one in-person encounter. Id: {@code <course code>/<number>}. */
@Document("course_modules")
@CompoundIndex(name = "course_number", def = "{'courseCode': 1, 'number': 1}")
public class CourseModule {

    @Id
    private String id;
    private String courseCode;
    private int number;
    private String slug;
    private String title;
    private LocalDate encounterDate;
    private LocalTime startTime;
    private LocalTime endTime;
    private String venue;
    private List<String> objectives;
    private LocalDate releaseDate;
    private String bodyHtml;
    private String searchText;
    private List<DeclaredExercise> exercises;
    private String contentHash;
    private boolean archived;

    protected CourseModule() {
    }

    CourseModule(String courseCode, int number) {
        this.id = id(courseCode, number);
        this.courseCode = courseCode;
        this.number = number;
    }

    static String id(String courseCode, int number) {
        return courseCode + "/" + number;
    }

    void update(String slug, String title, LocalDate encounterDate, LocalTime startTime, LocalTime endTime, String venue,
            List<String> objectives, LocalDate releaseDate, String bodyHtml, String searchText,
            List<DeclaredExercise> exercises, String contentHash) {
        this.slug = slug;
        this.title = title;
        this.encounterDate = encounterDate;
        this.startTime = startTime;
        this.endTime = endTime;
        this.venue = venue;
        this.objectives = List.copyOf(objectives);
        this.releaseDate = releaseDate;
        this.bodyHtml = bodyHtml;
        this.searchText = searchText;
        this.exercises = List.copyOf(exercises);
        this.contentHash = contentHash;
        this.archived = false;
    }

    void archive() {
        this.archived = true;
    }

    /** Released when its release date has come (or it has none). */
    public boolean isReleasedOn(LocalDate today) {
        return releaseDate == null || !today.isBefore(releaseDate);
    }

    public String getId() { return id; }
    public String getCourseCode() { return courseCode; }
    public int getNumber() { return number; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public LocalDate getEncounterDate() { return encounterDate; }
    public LocalTime getStartTime() { return startTime; }
    public LocalTime getEndTime() { return endTime; }
    public String getVenue() { return venue; }
    public List<String> getObjectives() { return objectives == null ? List.of() : objectives; }
    public LocalDate getReleaseDate() { return releaseDate; }
    public String getBodyHtml() { return bodyHtml; }
    public String getSearchText() { return searchText; }
    public List<DeclaredExercise> getExercises() { return exercises == null ? List.of() : exercises; }
    public String getContentHash() { return contentHash; }
    public boolean isArchived() { return archived; }
}
