package ar.aulas.library;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** A document used in a course: on a module page, one of its exercises ({@code exercise:<slug>}) or its debate. */
@Document("library_links")
@CompoundIndexes({
    @CompoundIndex(name = "place", def = "{'courseCode': 1, 'moduleNumber': 1, 'place': 1}"),
    @CompoundIndex(name = "document_place", def = "{'documentId': 1, 'courseCode': 1, 'moduleNumber': 1, 'place': 1}",
            unique = true)
})
public class LibraryLink {

    @Id
    private String id;
    private String documentId;
    private String courseCode;
    private int moduleNumber;
    private String place;
    private String byId;
    private Instant at;

    protected LibraryLink() {
    }

    LibraryLink(String documentId, String courseCode, int moduleNumber, String place, String byId, Instant at) {
        this.documentId = documentId;
        this.courseCode = courseCode;
        this.moduleNumber = moduleNumber;
        this.place = place;
        this.byId = byId;
        this.at = at;
    }

    public String getId() { return id; }
    public String getDocumentId() { return documentId; }
    public String getCourseCode() { return courseCode; }
    public int getModuleNumber() { return moduleNumber; }
    public String getPlace() { return place; }
    public Instant getAt() { return at; }
}
