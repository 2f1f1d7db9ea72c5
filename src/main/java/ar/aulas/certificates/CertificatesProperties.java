package ar.aulas.certificates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the certificates feature ({@code aulas.certificates.*}). */
@ConfigurationProperties("aulas.certificates")
public class CertificatesProperties {

    /** Folder of the certificate templates, fonts and images. */
    private String templatesDir = "certificates";
    /** Threads that render and sign during a bulk issue. */
    private int bulkThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Verification page and API requests allowed per IP address per minute. */
    private int verificationsPerMinute = 30;
    /** Largest PDF accepted by "check a file" on the verification page. */
    private DataSize maxVerifyUpload = DataSize.ofMegabytes(10);
    private final Keystore keystore = new Keystore();

    /** The PKCS#12 key that signs certificates; generated (self-signed) on first start when the file is missing. */
    public static class Keystore {
        private String path = "data/certificates-signing.p12";
        private String password = "aulas-self-signed";
        private String alias = "aulas";
        /** Create a self-signed key at {@code path} when there is none. Turn off in production with a real key. */
        private boolean generate = true;

        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getAlias() { return alias; }
        public void setAlias(String alias) { this.alias = alias; }
        public boolean isGenerate() { return generate; }
        public void setGenerate(boolean generate) { this.generate = generate; }
    }

    public String getTemplatesDir() { return templatesDir; }
    public void setTemplatesDir(String templatesDir) { this.templatesDir = templatesDir; }
    public int getBulkThreads() { return bulkThreads; }
    public void setBulkThreads(int bulkThreads) { this.bulkThreads = bulkThreads; }
    public int getVerificationsPerMinute() { return verificationsPerMinute; }
    public void setVerificationsPerMinute(int verificationsPerMinute) { this.verificationsPerMinute = verificationsPerMinute; }
    public DataSize getMaxVerifyUpload() { return maxVerifyUpload; }
    public void setMaxVerifyUpload(DataSize maxVerifyUpload) { this.maxVerifyUpload = maxVerifyUpload; }
    public Keystore getKeystore() { return keystore; }
}
