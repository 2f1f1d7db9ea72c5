package ar.aulas.library;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The library's limits ({@code aulas.library.*}): the largest file, and how many documents a page of results shows. */
@ConfigurationProperties("aulas.library")
public record LibraryProperties(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("20") int pageSize) {
}
