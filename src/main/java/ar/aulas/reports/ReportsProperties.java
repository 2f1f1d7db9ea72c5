package ar.aulas.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Participation figures ({@code aulas.reports.*}).
 *
 * @param rebuildOnStart rebuild every course's kept figures at start (default false: only those that need it)
 */
@ConfigurationProperties("aulas.reports")
public record ReportsProperties(boolean rebuildOnStart) {
}
