package ar.aulas.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits of participant imports ({@code aulas.imports.*}). */
@ConfigurationProperties("aulas.imports")
public class ImportsProperties {

    private DataSize maxFileSize = DataSize.ofMegabytes(10);
    private int maxRows = 10_000;
    private int maxColumns = 256;
    private int maxCellLength = 1_000;
    /** What an XLSX may expand to in all, and how much more than its compressed size any part may be. */
    private DataSize maxUncompressedSize = DataSize.ofMegabytes(50);
    private double maxCompressionRatio = 100;

    public DataSize getMaxFileSize() { return maxFileSize; }
    public void setMaxFileSize(DataSize maxFileSize) { this.maxFileSize = maxFileSize; }
    public int getMaxRows() { return maxRows; }
    public void setMaxRows(int maxRows) { this.maxRows = maxRows; }
    public int getMaxColumns() { return maxColumns; }
    public void setMaxColumns(int maxColumns) { this.maxColumns = maxColumns; }
    public int getMaxCellLength() { return maxCellLength; }
    public void setMaxCellLength(int maxCellLength) { this.maxCellLength = maxCellLength; }
    public DataSize getMaxUncompressedSize() { return maxUncompressedSize; }
    public void setMaxUncompressedSize(DataSize maxUncompressedSize) { this.maxUncompressedSize = maxUncompressedSize; }
    public double getMaxCompressionRatio() { return maxCompressionRatio; }
    public void setMaxCompressionRatio(double maxCompressionRatio) { this.maxCompressionRatio = maxCompressionRatio; }
}
