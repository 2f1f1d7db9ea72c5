package ar.aulas.institutions.web;

import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public class InstitutionForm {

    @NotBlank(message = "{institution.code.required}")
    @Pattern(regexp = "\\s*[A-Za-z0-9-]{2,12}\\s*", message = "{institution.code.malformed}")
    private String code;
    @NotBlank(message = "{institution.name.required}")
    @Size(max = 160, message = "{form.tooLong}")
    private String name;
    @NotNull(message = "{institution.type.required}")
    private InstitutionType type;
    @Size(max = 120, message = "{form.tooLong}")
    private String locality;
    private long version;

    static InstitutionForm of(Institution institution) {
        InstitutionForm form = new InstitutionForm();
        form.code = institution.getCode();
        form.name = institution.getName();
        form.type = institution.getType();
        form.locality = institution.getLocality();
        form.version = institution.getVersion() == null ? 0 : institution.getVersion();
        return form;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public InstitutionType getType() { return type; }
    public void setType(InstitutionType type) { this.type = type; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
