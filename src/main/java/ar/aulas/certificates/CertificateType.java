package ar.aulas.certificates;

/** The certificates a course can grant; the letter goes into the certificate number (AGC-2026-A-0001). */
public enum CertificateType {
    ATTENDANCE("A", "attendance", "asistencia"),
    APPROVAL("P", "approval", "aprobacion");

    private final String letter;
    private final String yamlKey;
    private final String defaultTemplate;

    CertificateType(String letter, String yamlKey, String defaultTemplate) {
        this.letter = letter;
        this.yamlKey = yamlKey;
        this.defaultTemplate = defaultTemplate;
    }

    public String letter() { return letter; }
    public String yamlKey() { return yamlKey; }
    public String defaultTemplate() { return defaultTemplate; }
    public String key() { return "certificate.type." + name(); }
}
