package ar.aulas.institutions;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A provincial body, municipality or commune whose teams take part in the programme. */
@Document("institutions")
public class Institution {

    @Id
    private String id;
    @Indexed(unique = true)
    private String code;
    private String name;
    private InstitutionType type;
    private String locality;
    private boolean active = true;
    private Instant createdAt;
    @Version
    private Long version;

    protected Institution() {
    }

    public Institution(String code, String name, InstitutionType type, String locality) {
        this.createdAt = Instant.now();
        update(code, name, type, locality);
    }

    public void update(String code, String name, InstitutionType type, String locality) {
        this.code = normaliseCode(code);
        this.name = name.trim();
        this.type = type;
        this.locality = locality == null || locality.isBlank() ? null : locality.trim();
    }

    public static String normaliseCode(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    void deactivate() { this.active = false; }
    void activate() { this.active = true; }

    public String getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public InstitutionType getType() { return type; }
    public String getLocality() { return locality; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }
}
