package ar.aulas.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits of participant imports ({@code aulas.imports.*}). */
@ConfigurationProperties("aulas.imports")
public class ImportsProperties {

    private DataSize maxFileSize = DataSize.ofMegabytes(10);
    private int maxRows = 10_000;

    public DataSize getMaxFileSize() { return maxFileSize; }
    public void setMaxFileSize(DataSize maxFileSize) { this.maxFileSize = maxFileSize; }
    public int getMaxRows() { return maxRows; }
    public void setMaxRows(int maxRows) { this.maxRows = maxRows; }
}
